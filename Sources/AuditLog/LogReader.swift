import Foundation

/// Reads the complete lines of a log file in order, one window of the file at a time, so that
/// memory stays flat however long the log is.
struct LogReader {
    /// Bytes read at a time (a window grows only for a line longer than it).
    static let window = 8 << 20

    let file: URL
    /// Read no further than this many bytes (the size the file had when a verification began).
    let limit: Int?

    /// Calls `body` with successive buffers of whole lines (each ending in a newline).
    /// - Returns: the bytes of complete lines, and whether an incomplete last line follows them.
    /// - Throws: ``AuditLogError/unreadable(path:)``, or what `body` throws.
    func forEachWindow(_ body: (UnsafeRawBufferPointer) throws(AuditLogError) -> Void) throws(AuditLogError) -> (bytes: Int, tornTail: Bool) {
        let descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return (0, false) }
            throw .unreadable(path: file.path)
        }
        defer { close(descriptor) }
        let end = limit ?? Int(lseek(descriptor, 0, SEEK_END))
        var capacity = Self.window
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 64)
        defer { buffer.deallocate() }
        var offset = 0, carried = 0
        while offset < end {
            if carried == capacity {
                let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 64)
                larger.copyMemory(from: buffer, byteCount: carried)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let wanted = min(capacity - carried, end - offset)
            let got = pread(descriptor, buffer + carried, wanted, off_t(offset))
            guard got > 0 else { throw .unreadable(path: file.path) }
            offset += got
            let filled = carried + got
            // The last newline (memrchr is a GNU extension Glibc's module does not show).
            let bytes = buffer.assumingMemoryBound(to: UInt8.self)
            var last = filled - 1
            while last >= 0, bytes[last] != 0x0A { last -= 1 }
            guard last >= 0 else {
                carried = filled
                continue
            }
            let whole = last + 1
            try body(UnsafeRawBufferPointer(start: buffer, count: whole))
            carried = filled - whole
            if carried > 0 { memmove(buffer, buffer + whole, carried) }
        }
        return (end - carried, carried > 0)
    }

    /// Calls `body` with each line of `window` (without its newline).
    @inline(__always)
    static func forEachLine(in window: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void) {
        guard let base = window.baseAddress else { return }
        var start = 0
        while start < window.count, let found = memchr(base + start, 0x0A, window.count - start) {
            let end = base.distance(to: UnsafeRawPointer(found))
            body(UnsafeRawBufferPointer(start: base + start, count: end - start))
            start = end + 1
        }
    }
}
