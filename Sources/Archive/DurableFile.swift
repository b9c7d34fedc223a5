import Foundation
import Support

/// The archive's durable writes (``DurableFiles`` in `Support`), failing with ``ArchiveError``.
enum DurableFile {
    /// Creates `final` with `data` (mode `mode`), through a temporary in `temporaryFolder`
    /// on the same file system. An existing `final` is replaced only with `replacing`.
    static func write(_ data: Data, to final: URL, temporaryFolder: URL, mode: mode_t = 0o600, replacing: Bool = false) throws(ArchiveError) {
        do { try DurableFiles.write(data, to: final, temporaryFolder: temporaryFolder, mode: mode, replacing: replacing) } catch {
            throw .cannotWrite(error)
        }
    }

    /// Makes the folder's entries (a rename, a new file) durable.
    static func syncFolder(_ folder: URL) { DurableFiles.syncFolder(folder) }

    /// Creates `folder` (and its parents) readable by the owner only.
    static func makeFolder(_ folder: URL) throws(ArchiveError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotWrite(FileWriteError(path: folder.path, reason: "the folder cannot be created"))
        }
    }
}
