import Foundation
import Support

/// The input files a client uploaded with one request, written into a private folder
/// (`mkdtemp`, mode 0700) that ``remove()`` deletes after the request.
///
/// Each file keeps the name the client gave it under the folder (`rel/<name>`, or
/// `abs/<name>` for an absolute one), so a command sees the same file names and extensions as on
/// the client's machine, and ``unstage(_:)`` turns every staged path in the answer back into the
/// client's own name. An input argument that names nothing uploaded still points into the folder:
/// the service never reads a file of its own disk that a client names.
final class StagedInputs {
    /// One uploaded file: its name as the client's arguments say it, and its bytes.
    struct Upload: Codable {
        let name: String
        let base64: String
    }

    let root: String
    /// The folders' names start so, then the service's process id.
    static let prefix = "inclusio-request-"

    /// Removes the folders of requests that a service killed in their middle (`kill -9`) left
    /// behind: those whose process is gone. Called as a service starts.
    static func removeLeftovers() {
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid(),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
    }

    /// Writes `uploads` into a new private folder.
    /// - Throws: a message for the client (a name with `..`, or bytes that are not base64), or
    ///   the reason the folder or a file cannot be written.
    init(_ uploads: [Upload]) throws(StagingError) {
        var template = Array(FileManager.default.temporaryDirectory.appendingPathComponent("\(Self.prefix)\(getpid())-XXXXXX").path.utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .unwritable("the service cannot make a private folder for the files sent (\(String(cString: strerror(errno)))).")
        }
        root = String(cString: made)
        for upload in uploads {
            guard Self.isPlain(upload.name) else {
                remove()
                throw .refused("The file name \(upload.name) cannot be staged: a name sent has no '..' part.")
            }
            guard let data = Data(base64Encoded: upload.base64) else {
                remove()
                throw .refused("The file \(upload.name) is not base64 in the request.")
            }
            let url = URL(fileURLWithPath: staged(upload.name))
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                remove()
                throw .unwritable("the service cannot stage the files sent.")
            }
            if let reason = AtomicFiles.write(url.path, data, mode: 0o600) {
                remove()
                throw .unwritable("the service cannot stage the files sent (\(reason)).")
            }
        }
    }

    /// Where the client's `name` is in the folder (whether uploaded or not).
    func staged(_ name: String) -> String {
        name.hasPrefix("/") ? root + "/abs" + name : root + "/rel/" + name
    }

    /// `text` with every staged path written as the client named it.
    func unstage(_ text: String) -> String {
        text.replacingOccurrences(of: root + "/abs/", with: "/").replacingOccurrences(of: root + "/rel/", with: "")
    }

    /// Deletes the folder and everything in it.
    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Whether `name` has no `..` part that could lead out of the folder (the client sends a
    /// name with one as its absolute path).
    static func isPlain(_ name: String) -> Bool {
        !name.isEmpty && !name.split(separator: "/").contains("..")
    }

    /// Why the uploaded files cannot be staged.
    enum StagingError: Error {
        case refused(String)
        case unwritable(String)
    }
}
