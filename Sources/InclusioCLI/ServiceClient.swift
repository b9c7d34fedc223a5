import Archive
import Foundation
import HTTPClient
import Support

/// A command run with `--server`: its arguments (and the input files they name) go to the
/// archive service, which runs the command's own code as the operator the request proves; the
/// answer comes back as the ``CommandResult`` it made (the JSON value, its text, notes and
/// failures) for ``CommandPrinter`` to print as the command prints it locally, and the files the
/// command wrote are written here, where `-o` said, all or nothing.
enum ServiceClient {
    /// What a client sends: `POST /v1/commands/<words>`.
    struct Request: Encodable {
        let arguments: [String]
        /// Ask for the text rendering (text mode); `--json` needs only the value.
        let text: Bool
        let inputs: [StagedInputs.Upload]
    }

    /// What the service answers: the command's JSON document and what the service adds to it.
    struct Answer: Decodable {
        struct File: Decodable { let name: String; let base64: String; let mode: Int? }
        let result: JSONValue?
        let failures: [InputFailure]
        let error: JSONError?
        let exitStatus: Int32
        let files: [File]?
        let text: String?
        let notes: [String]?
        let live: [String]?
    }

    /// Runs `command` with `arguments` (as typed after its words) on the service of `--server`.
    static func run(_ command: Command, _ arguments: [String], parsed: ParsedArguments) throws(CLIError) -> CommandResult {
        guard let served = ServedCommand.named(command.spec.path) else {
            throw parsed.usage("'\(command.spec.path)' is not run by the archive service; run it where its files and keys are, without --server.")
        }
        var forwarded = forwardable(arguments, spec: command.spec)
        for option in ServiceKeys.options where parsed.value(option) != nil {
            throw parsed.usage("Give \(option.names[0]) to the service when it starts, not with --server: it signs and opens dossiers with its own keys.")
        }
        let inputs = try uploads(&forwarded, served: served, spec: command.spec) + (try folderUploads(&forwarded, served: served, spec: command.spec))
        let client = try ServerOptions.client(parsed)
        let body: Data
        do { body = try JSONEncoder().encode(Request(arguments: forwarded, text: !parsed.json, inputs: inputs)) } catch {
            throw parsed.usage("The arguments cannot be sent as JSON.")
        }
        let response: HTTPClientResponse
        do { response = try client.post("/v1/commands/" + command.words.joined(separator: "/"), json: body) } catch { throw .failed(error) }
        let answer = try decode(response)
        let folder = served.outputPosition(forwarded, spec: command.spec).map { String(forwarded[$0.index].dropFirst($0.prefix.count)) }
        try write(answer.files ?? [], allowed: outputs(forwarded, spec: command.spec, served: served), folder: folder)
        var result = CommandResult(answer.result == .null ? nil : answer.result) {
            ((answer.live ?? []) + [answer.text ?? ""].filter { !$0.isEmpty }).joined(separator: "\n")
        }
        result.notes = answer.notes ?? []
        result.failures = answer.failures
        result.error = answer.error.map { .remote($0, code: ExitCode(rawValue: answer.exitStatus) ?? .failure) }
        return result
    }

    /// Opens a passphrase operator's session; returns its bearer token.
    static func login(_ client: HTTPSClient, operator op: String, passphrase: Data) throws(CLIError) -> String {
        struct Login: Encodable { let `operator`: String; let passphrase: String }
        let body = (try? JSONEncoder().encode(Login(operator: op, passphrase: String(decoding: passphrase, as: UTF8.self)))) ?? Data()
        let response: HTTPClientResponse
        do { response = try client.post("/v1/session", json: body) } catch { throw .failed(error) }
        let answer = try decode(response)
        guard case let .object(fields)? = answer.result, case let .string(token)? = fields["token"] else {
            throw .failed(ServiceAnswerError.notADocument(status: response.status))
        }
        return token
    }

    /// The answer's document, or its failure; a body that is not the service's JSON says why by its status.
    private static func decode(_ response: HTTPClientResponse) throws(CLIError) -> Answer {
        if let answer = try? JSONDecoder().decode(Answer.self, from: response.body) {
            if answer.result == nil, let error = answer.error { throw .remote(error, code: ExitCode(rawValue: answer.exitStatus) ?? .failure) }
            return answer
        }
        if response.status == 413 { throw .failed(ServiceAnswerError.tooLarge(said: String(decoding: response.body.prefix(200), as: UTF8.self))) }
        throw .failed(ServiceAnswerError.notADocument(status: response.status))
    }

    /// `arguments` without what the client keeps (``ServerOptions/kept``) and without `--json`.
    private static func forwardable(_ arguments: [String], spec: CommandSpec) -> [String] {
        var dropped = Set<Int>()
        for case let .option(option, at, value, _) in ServedCommand.tokens(arguments, spec: spec)
        where ServerOptions.kept.contains(option.key) || option.key == Option.json.key {
            dropped.insert(at)
            if let value { dropped.insert(value) }
        }
        return arguments.indices.filter { !dropped.contains($0) }.map { arguments[$0] }
    }

    /// The input files `arguments` name, read (folders whole, hidden files aside); a name with a
    /// `..` part is sent as its absolute path, and the argument with it.
    private static func uploads(_ arguments: inout [String], served: ServedCommand, spec: CommandSpec) throws(CLIError) -> [StagedInputs.Upload] {
        var uploads: [StagedInputs.Upload] = []
        for (index, prefix) in served.inputPositions(arguments, spec: spec) {
            var name = String(arguments[index].dropFirst(prefix.count))
            if !StagedInputs.isPlain(name) {
                name = URL(fileURLWithPath: name).standardizedFileURL.path
                arguments[index] = prefix + name
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: name, isDirectory: &isFolder) else { continue }  // the service says it is missing
            let files = isFolder.boolValue ? folderFiles(name) : [name]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { throw .failed(ServiceAnswerError.unreadable(file: file)) }
                uploads.append(StagedInputs.Upload(name: file, base64: data.base64EncodedString()))
            }
        }
        return uploads
    }

    /// What the output folder already holds (``ServedFolder``), hidden files included, named
    /// `folder/relative/path`; a name with a `..` part is sent as its absolute path.
    private static func folderUploads(_ arguments: inout [String], served: ServedCommand, spec: CommandSpec) throws(CLIError) -> [StagedInputs.Upload] {
        guard let (index, prefix) = served.outputPosition(arguments, spec: spec) else { return [] }
        var name = String(arguments[index].dropFirst(prefix.count))
        if !StagedInputs.isPlain(name) {
            name = URL(fileURLWithPath: name).standardizedFileURL.path
            arguments[index] = prefix + name
        }
        let base = name.hasSuffix("/") ? String(name.dropLast()) : name
        var uploads: [StagedInputs.Upload] = []
        for relative in ServedFolder.relativePaths(base) {
            guard let data = FileManager.default.contents(atPath: base + "/" + relative) else { throw .failed(ServiceAnswerError.unreadable(file: base + "/" + relative)) }
            uploads.append(StagedInputs.Upload(name: base + "/" + relative, base64: data.base64EncodedString()))
        }
        return uploads
    }

    /// The regular files under `folder`, named `folder/relative/path`.
    private static func folderFiles(_ folder: String) -> [String] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let walker = FileManager.default.enumerator(atPath: base)
        var files: [String] = []
        while let relative = walker?.nextObject() as? String {
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue { files.append(base + "/" + relative) }
        }
        return files.sorted()
    }

    /// The values of the options given that name a file or folder and are not inputs (`-o`,
    /// `--merge`, `--public-key`): the only places a returned file may go.
    private static func outputs(_ arguments: [String], spec: CommandSpec, served: ServedCommand) -> [String] {
        let inputs = Set(served.inputs.map(\.key))
        return ServedCommand.tokens(arguments, spec: spec).compactMap { token -> String? in
            guard case let .option(option, _, value?, prefix) = token, !inputs.contains(option.key),
                  let placeholder = option.value, placeholder.hasPrefix("file") || placeholder == "dir" else { return nil }
            return String(arguments[value].dropFirst(prefix?.count ?? 0))
        }
    }

    /// Writes the files the command wrote on the service, where its options said, all or nothing
    /// (temporaries, fsync, rename: ``AtomicFiles``), never replacing a file; a name that is not
    /// one the command line gave (or under it) is refused.
    /// Files in the output `folder` (a batch's journal) may replace the ones there: the command changed them.
    private static func write(_ files: [Answer.File], allowed: [String], folder: String? = nil) throws(CLIError) {
        var group: [(url: URL, data: Data, mode: mode_t)] = []
        var changed: [(url: URL, data: Data, mode: mode_t)] = []
        let inFolder = folder.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        for file in files {
            // A name under an allowed folder must stay under it: no `..` part after the folder.
            let placed = allowed.contains { place in
                let folder = place.hasSuffix("/") ? place : place + "/"
                return file.name == place || (file.name.hasPrefix(folder) && StagedInputs.isPlain(String(file.name.dropFirst(folder.count))))
            }
            guard placed, let data = Data(base64Encoded: file.base64) else {
                throw .failed(ServiceAnswerError.unexpectedFile(name: file.name))
            }
            let entry = (URL(fileURLWithPath: file.name), data, mode_t(file.mode ?? 0o600) & 0o777)
            if let inFolder, file.name.hasPrefix(inFolder), FileManager.default.fileExists(atPath: file.name) { changed.append(entry) } else { group.append(entry) }
        }
        if let folder {  // the folder the command writes into, as locally, even when nothing comes back
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw .failed(ArchiveError.cannotWrite(FileWriteError(path: folder, reason: "the folder cannot be created")))
            }
            for file in group + changed { try? FileManager.default.createDirectory(at: file.url.deletingLastPathComponent(), withIntermediateDirectories: true) }
        }
        if !group.isEmpty { do { try AtomicFiles.create(group) } catch { throw .failed(ArchiveError.cannotWrite(error)) } }
        if !changed.isEmpty { do { try AtomicFiles.create(changed, replacing: true) } catch { throw .failed(ArchiveError.cannotWrite(error)) } }
    }
}

/// What goes wrong with an answer of the archive service, beyond the command's own failures.
enum ServiceAnswerError: CategorizedError {
    case tooLarge(said: String)
    case notADocument(status: Int)
    case unreadable(file: String)
    case unexpectedFile(name: String)

    var category: FailureCategory {
        switch self {
        case .tooLarge: .data
        case .notADocument: .internal
        case .unreadable: .input
        case .unexpectedFile: .internal
        }
    }

    var description: String {
        switch self {
        case let .tooLarge(said):
            "The archive service refused the request as too large (\(said.trimmingCharacters(in: .whitespacesAndNewlines))); "
                + "the files are sent in the request, so send fewer or smaller files per command."
        case let .notADocument(status):
            "The archive service answered HTTP \(status) without a document this inclusio can read; check that --server names an inclusio service of this version."
        case let .unreadable(file):
            "\(file) cannot be read; check that it exists and that you may read it."
        case let .unexpectedFile(name):
            "The archive service sent back a file \(name) that the command line did not ask for; nothing was written."
        }
    }
}
