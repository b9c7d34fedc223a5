internal import CMicroHTTPD
import Foundation

/// What the daemon's access handler needs: the Swift handler and the body limit. Immutable,
/// shared by the pool threads.
final class RequestContext: Sendable {
    private let handler: HTTPHandler
    private let maxBodyBytes: Int
    /// Verifies (and remembers) client certificates, when the server has a client CA.
    private let clients: ClientCertificate?
    private let deadlines: RequestDeadlines

    init(handler: @escaping HTTPHandler, maxBodyBytes: Int, verifiesClients: Bool, deadlines: RequestDeadlines) {
        self.handler = handler
        self.deadlines = deadlines
        self.maxBodyBytes = maxBodyBytes
        clients = verifiesClients ? ClientCertificate() : nil
    }

    /// The body read so far; one per request, kept retained in the request's `con_cls` and used
    /// only by the thread serving its connection.
    private final class PendingRequest {
        var body = Data()
    }

    /// The `MHD_AccessHandlerCallback`. libmicrohttpd calls it once when the headers are in
    /// (`*upload_data_size == 0`, `*con_cls == NULL`), once per body chunk, and once more with
    /// `*upload_data_size == 0` when the body is complete; `context` is an unretained `RequestContext`.
    static let access: MHD_AccessHandlerCallback = { context, connection, url, method, _, upload, uploadSize, state in
        guard let context, let connection, let url, let method, let uploadSize, let state else { return .NO }
        let server = Unmanaged<RequestContext>.fromOpaque(context).takeUnretainedValue()
        guard let pendingPointer = state.pointee else {
            state.pointee = Unmanaged.passRetained(PendingRequest()).toOpaque()
            return server.headersArrived(connection)
        }
        let pending = Unmanaged<PendingRequest>.fromOpaque(pendingPointer).takeUnretainedValue()
        if uploadSize.pointee > 0 {
            let count = uploadSize.pointee
            uploadSize.pointee = 0
            // Only a chunked body gets here over the limit (a declared length was refused
            // already); libmicrohttpd 0.9.75 cannot queue a response in mid-body, so the
            // connection is closed instead of answered 413.
            guard let upload, pending.body.count + count <= server.maxBodyBytes else { return .NO }
            upload.withMemoryRebound(to: UInt8.self, capacity: count) { pending.body.append($0, count: count) }
            return .YES
        }
        server.deadlines.received(connection)
        let request = HTTPRequest(method: String(cString: method), path: String(cString: url),
                                  query: Fields.of(connection, .GET_ARGUMENT_KIND),
                                  headers: Fields.of(connection, .HEADER_KIND), body: pending.body,
                                  clientCertificate: server.clients?.verified(on: connection))
        return ResponseQueue.queue(server.handler(request), on: connection)
    }

    /// The `MHD_RequestCompletedCallback`: releases the request's ``PendingRequest``, whether
    /// it was answered, timed out or cut.
    static func release(_ state: UnsafeMutablePointer<UnsafeMutableRawPointer?>?) {
        guard let state, let pending = state.pointee else { return }
        Unmanaged<PendingRequest>.fromOpaque(pending).release()
        state.pointee = nil
    }

    /// Refuses a declared body over the limit before it is sent: libmicrohttpd answers at once
    /// (no `100 Continue`) and closes the connection afterwards.
    private func headersArrived(_ connection: OpaquePointer) -> MHD_Result {
        guard let declared = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Length"),
              let length = Int(String(cString: declared)), length > maxBodyBytes else { return .YES }
        return ResponseQueue.queue(.text("The request body is larger than \(maxBodyBytes) bytes.", status: 413), on: connection)
    }
}
