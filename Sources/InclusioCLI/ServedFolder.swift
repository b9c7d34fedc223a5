import Foundation
import Support

/// The output folder of a served command that writes a folder (`transfer prepare -o batch/`,
/// `transfer receive -o receipts/`): the client uploads what the folder already holds (a batch's
/// journal, receipts already numbered), the command works in the request's private copy, and
/// every file it adds or changes there goes back to the client under the folder's name.
final class ServedFolder {
    /// The folder as the client named it, and where the service staged it.
    let name: String, staged: URL
    private let before: [String: Data]

    init(name: String, staged: URL) {
        (self.name, self.staged) = (name, staged)
        try? FileManager.default.createDirectory(at: staged, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        before = Self.contents(of: staged)
    }

    /// The files the command added or changed, as the client will write them.
    func collect(into files: ServiceBinding.Files) {
        let base = name.hasSuffix("/") ? String(name.dropLast()) : name
        for (relative, data) in Self.contents(of: staged).sorted(by: { $0.key < $1.key }) where before[relative] != data {
            let mode = ((try? FileManager.default.attributesOfItem(atPath: staged.appendingPathComponent(relative).path))?[.posixPermissions] as? NSNumber)?.uint16Value
            files.collect(base + "/" + relative, data, mode: mode_t(mode ?? 0o600))
        }
    }

    /// The regular files under `folder` by relative path, hidden ones included (a batch's journal
    /// is `.transfer-journal.jsonl`), except a `.staging` folder of work in progress.
    static func contents(of folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for relative in relativePaths(folder.path) {
            files[relative] = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path)
        }
        return files
    }

    static func relativePaths(_ folder: String) -> [String] {
        let walker = FileManager.default.enumerator(atPath: folder)
        var paths: [String] = []
        while let relative = walker?.nextObject() as? String {
            guard relative.split(separator: "/").first != ".staging" else { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue { paths.append(relative) }
        }
        return paths.sorted()
    }
}

extension ServedCommand {
    /// The position of the output folder's value in `arguments`, with its `--name=` prefix.
    func outputPosition(_ arguments: [String], spec: CommandSpec) -> (index: Int, prefix: String)? {
        guard let output else { return nil }
        for case let .option(option, _, value?, prefix) in Self.tokens(arguments, spec: spec) where option.key == output.key {
            return (value, prefix ?? "")
        }
        return nil
    }

    /// On the service: points the output folder's argument into the request's private folder.
    /// - Throws: a name with a `..` part, which could lead out of it (the client sends its absolute path instead).
    func outputFolder(_ arguments: inout [String], spec: CommandSpec, staging: StagedInputs) throws(StagedInputs.StagingError) -> ServedFolder? {
        guard let (index, prefix) = outputPosition(arguments, spec: spec) else { return nil }
        let name = String(arguments[index].dropFirst(prefix.count))
        guard StagedInputs.isPlain(name) else { throw .refused("Output folder names are sent without '..' parts.") }
        let folder = ServedFolder(name: name, staged: URL(fileURLWithPath: staging.staged(name), isDirectory: true))
        arguments[index] = prefix + folder.staged.path
        return folder
    }
}
