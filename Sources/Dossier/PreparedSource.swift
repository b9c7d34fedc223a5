internal import CLibZip
import Foundation

/// A libzip source (`zip_source_function`) for one ``PreparedEntry``, made when libzip opens it
/// and released when libzip closes it, so that at most the entries being written stay in memory.
/// libzip calls it on the thread running `zip_close`. See <https://libzip.org/documentation/zip_source_function.html>.
final class PreparedSource {
    /// The size of the content, before deflate and encryption.
    let size: UInt64
    let modified: Date
    private let make: () throws -> PreparedEntry
    private var bytes: [UInt8] = []
    private var position = 0
    /// Why making the entry failed, for the packer's message (libzip only says "read error").
    private(set) var failure: (any Error)?

    init(size: UInt64, modified: Date, make: @escaping () throws -> PreparedEntry) {
        self.size = size
        self.modified = modified
        self.make = make
    }

    /// What libzip calls; `userdata` is a retained ``PreparedSource``, released at `ZIP_SOURCE_FREE`.
    static let callback: zip_source_callback = { userdata, data, length, command in
        let source = Unmanaged<PreparedSource>.fromOpaque(userdata!).takeUnretainedValue()
        switch command {
        case ZIP_SOURCE_OPEN:
            do {
                source.bytes = try source.make().bytes
                source.position = 0
                return 0
            } catch {
                source.failure = error
                return -1
            }
        case ZIP_SOURCE_READ:
            let count = min(Int(length), source.bytes.count - source.position)
            source.bytes.withUnsafeBytes { data!.copyMemory(from: $0.baseAddress! + source.position, byteCount: count) }
            source.position += count
            return zip_int64_t(count)
        case ZIP_SOURCE_CLOSE:
            source.bytes = []
            return 0
        case ZIP_SOURCE_STAT:
            let stat = data!.assumingMemoryBound(to: zip_stat_t.self)
            zip_stat_init(stat)
            stat.pointee.size = source.size
            stat.pointee.mtime = time_t(source.modified.timeIntervalSince1970)
            stat.pointee.comp_method = zip_uint16_t(ZIP_CM_DEFLATE)
            stat.pointee.encryption_method = zip_uint16_t(ZIP_EM_AES_256)
            stat.pointee.crc = 0
            stat.pointee.valid = zip_uint64_t(ZIP_STAT_SIZE | ZIP_STAT_MTIME | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD | ZIP_STAT_CRC)
            return zip_int64_t(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_ERROR:
            // Two ints: the libzip error code and the system one.
            let codes = data!.assumingMemoryBound(to: Int32.self)
            codes[0] = ZIP_ER_READ
            codes[1] = 0
            return zip_int64_t(2 * MemoryLayout<Int32>.size)
        case ZIP_SOURCE_FREE:
            Unmanaged<PreparedSource>.fromOpaque(userdata!).release()
            return 0
        case ZIP_SOURCE_SUPPORTS:
            let commands = [ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS]
            return commands.reduce(0) { $0 | (zip_int64_t(1) << zip_int64_t($1.rawValue)) }
        default:
            return -1
        }
    }
}

@available(*, unavailable) extension PreparedSource: Sendable {}
