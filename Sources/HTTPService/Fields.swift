internal import CMicroHTTPD

/// Collects a connection's headers or query parameters through `MHD_get_connection_values`.
final class Fields {
    private var collected: [HTTPField] = []

    /// The values of `kind` in the order the client sent them.
    static func of(_ connection: OpaquePointer, _ kind: MHD_ValueKind) -> [HTTPField] {
        let fields = Fields()
        withExtendedLifetime(fields) {
            _ = MHD_get_connection_values(connection, kind, collect, Unmanaged.passUnretained(fields).toOpaque())
        }
        return fields.collected
    }

    /// The `MHD_KeyValueIterator`; a query parameter without `=` has a NULL value, read as "".
    private static let collect: MHD_KeyValueIterator = { context, _, key, value in
        guard let context else { return .NO }
        Unmanaged<Fields>.fromOpaque(context).takeUnretainedValue().collected
            .append(HTTPField(name: key.map { String(cString: $0) } ?? "", value: value.map { String(cString: $0) } ?? ""))
        return .YES
    }
}
