internal import CMicroHTTPD
import Foundation

/// Turns an ``HTTPResponse`` into an `MHD_Response` and queues it on the connection.
enum ResponseQueue {
    /// Queues `response`; one whose header libmicrohttpd refuses (a line break in a value)
    /// becomes a 500, so no handler can split the response.
    static func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
        guard let made = make(response) ?? make(.text("The server could not form its answer.", status: 500)) else { return .NO }
        defer { MHD_destroy_response(made.response) }
        return MHD_queue_response(connection, UInt32(made.status), made.response)
    }

    private static func make(_ response: HTTPResponse) -> (response: OpaquePointer, status: Int)? {
        guard (100...999).contains(response.status) else { return nil }
        // MHD_RESPMEM_MUST_COPY: libmicrohttpd copies the bytes before this returns.
        let made = response.body.withUnsafeBytes {
            MHD_create_response_from_buffer($0.count, UnsafeMutableRawPointer(mutating: $0.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let made else { return nil }
        for field in response.headers where MHD_add_response_header(made, field.name, field.value) != .YES {
            MHD_destroy_response(made)
            return nil
        }
        return (made, response.status)
    }
}
