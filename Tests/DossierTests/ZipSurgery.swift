internal import CLibZip
import Foundation

/// Alters a zip in place with libzip, as someone tampering with a dossier would: entries
/// are removed, renamed or added while the others are copied as they are (still encrypted).
final class ZipSurgery {
    private let archive: OpaquePointer

    init(_ url: URL) throws {
        var code: Int32 = 0
        guard let archive = zip_open(url.path, 0, &code) else { throw Failure(what: "open", code: code) }
        self.archive = archive
    }

    func remove(_ name: String) throws {
        let index = zip_name_locate(archive, name, 0)
        guard index >= 0, zip_delete(archive, zip_uint64_t(index)) == 0 else { throw Failure(what: "delete \(name)", code: -1) }
    }

    func rename(_ name: String, to new: String) throws {
        let index = zip_name_locate(archive, name, 0)
        guard index >= 0, zip_file_rename(archive, zip_uint64_t(index), new, 0) == 0 else { throw Failure(what: "rename \(name)", code: -1) }
    }

    func add(_ name: String, _ data: Data, deflate: Bool = false) throws {
        let copy = malloc(max(data.count, 1))!
        data.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: $0.count) } }
        guard let source = zip_source_buffer(archive, copy, zip_uint64_t(data.count), 1) else { throw Failure(what: "source", code: -1) }
        let index = zip_file_add(archive, name, source, 0)
        guard index >= 0 else { zip_source_free(source); throw Failure(what: "add \(name)", code: -1) }
        zip_set_file_compression(archive, zip_uint64_t(index), deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 9)
    }

    func close() throws {
        guard zip_close(archive) == 0 else { throw Failure(what: "close", code: -1) }
    }

    struct Failure: Error { let what: String; let code: Int32 }
}

/// Where each entry's data lies in a zip's bytes, from its local headers.
enum LocalEntries {
    static func parse(_ data: Data) -> [(name: String, data: Range<Int>)] {
        var entries: [(String, Range<Int>)] = []
        var offset = 0
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        while offset + 30 <= bytes.count, u32(offset) == 0x04034B50 {
            let size = u32(offset + 18), nameLength = u16(offset + 26), extraLength = u16(offset + 28)
            let name = String(decoding: bytes[(offset + 30)..<(offset + 30 + nameLength)], as: UTF8.self)
            let start = offset + 30 + nameLength + extraLength
            entries.append((name, start..<(start + size)))
            offset = start + size
        }
        return entries
    }
}
