import Archive
import Cryptography
import Foundation
import HTTPService
import Support
import Synchronization

/// The JSON API of `inclusio serve` over one served archive: every request runs the command
/// line's own command code with the session of the operator it proves, and answers the JSON
/// document that command prints with `--json`, plus `exitStatus` and the `files` it wrote.
///
/// ```
/// POST   /v1/session                 {"operator": "records", "passphrase": "…"}  → {"token", "expires"} + cookie
/// DELETE /v1/session                 ends the session of the token given
/// POST   /v1/commands/archive/show   {"arguments": ["--pupil", "P-…", "--purpose", "review"]}
/// ```
/// Certificate operators are who their TLS client certificate (verified against the client CA)
/// says; passphrase operators send `Authorization: Bearer <token>` or the `inclusio_session`
/// cookie. Status: 200, 400 usage, 401 no proof, 403 permission (refused and unknown alike),
/// 404 no such route, 405, 413 (transport), 422 data, 500 otherwise.
final class ArchiveService: Sendable {
    /// Options a client may not give: who they are comes from the request, paths from the service,
    /// and no private key is ever sent to it.
    static let refused = Set<String>(["--path", "--as", "--key", "--key-passphrase-file", "--passphrase-file", "--dossier-key",
                                       "--custodian-passphrase-file", "--schemas", "--forms", "--rules", "--jurisdictions"])
        .union(ServerOptions.all.map(\.key))

    let custody: ArchiveCustody
    let lifetime: TimeInterval
    let keys: ServiceKeys
    private let sessions = Mutex<[String: (ticket: LoginTicket, expires: Date)]>([:])

    init(custody: ArchiveCustody, sessionLifetime: TimeInterval, keys: ServiceKeys = ServiceKeys()) {
        self.custody = custody
        self.keys = keys
        self.lifetime = sessionLifetime
    }

    /// The transport's handler.
    func handle(_ request: HTTPRequest) -> HTTPResponse {
        let path = request.path
        if path == "/v1/session" {
            switch request.method {
            case "POST": return login(request)
            case "DELETE": return logout(request)
            default: return problem(405, "usage", "Use POST /v1/session to log in, DELETE to log out.")
            }
        }
        guard path.hasPrefix("/v1/commands/") else { return problem(404, "usage", "No such resource; the API is under /v1/commands/ and /v1/session.") }
        let words = path.dropFirst("/v1/commands/".count).split(separator: "/").joined(separator: " ")
        guard let served = ServedCommand.named(words), let command = Inclusio.commands.first(where: { $0.spec.path == words }) else {
            return problem(404, "usage", "No command '\(words)' is served; served: \(ServedCommand.all.map(\.path).joined(separator: ", ")).")
        }
        guard request.method == "POST" else { return problem(405, "usage", "Commands are run with POST.") }
        return run(command, served, request)
    }

    // MARK: Commands

    /// `{"arguments": […], "text": true, "inputs": [{"name", "base64"}]}`: `text` asks for the text
    /// rendering too (`"text"`, `"notes"`, `"live"`); `inputs` are the files the arguments name.
    private struct CommandBody: Decodable {
        let arguments: [String]?
        let text: Bool?
        let inputs: [StagedInputs.Upload]?
    }

    private func run(_ command: Command, _ served: ServedCommand, _ request: HTTPRequest) -> HTTPResponse {
        guard let body = try? JSONDecoder().decode(CommandBody.self, from: request.body.isEmpty ? Data("{}".utf8) : request.body) else {
            return problem(400, "usage", "The body is not JSON of the form {\"arguments\": [\"--option\", \"value\", …]}.")
        }
        var arguments = (body.arguments ?? []).filter { $0 != Option.json.key }
        if let given = arguments.first(where: { ServiceKeys.options.map(\.key).contains(String($0.prefix { $0 != "=" })) }) {
            return problem(400, "usage", "\(given.prefix { $0 != "=" }) is not given to the service: it signs and opens dossiers with its own keys, given when it was started.")
        }
        if let given = arguments.first(where: { Self.refused.contains(String($0.prefix { $0 != "=" })) }) {
            return problem(400, "usage", "\(given.prefix { $0 != "=" }) is not given to the service: it knows who you are from your certificate or session, and where the archive is.")
        }
        let proof: (op: String, proof: ServedProof)
        switch authenticate(request) {
        case let .success(found): proof = found
        case let .failure(failure): return failure.response
        }
        // The input files: only from the request, staged in a private folder removed after it.
        let staging: StagedInputs
        do { staging = try StagedInputs(body.inputs ?? []) } catch {
            switch error {
            case let .refused(message): return problem(400, "usage", message)
            case let .unwritable(message): return problem(500, "internal", "The request cannot be run: " + message)
            }
        }
        defer { staging.remove() }
        for (index, prefix) in served.inputPositions(arguments, spec: command.spec) {
            let name = String(arguments[index].dropFirst(prefix.count))
            guard StagedInputs.isPlain(name) else { return problem(400, "usage", "Input file names are sent without '..' parts.") }
            arguments[index] = prefix + staging.staged(name)
        }
        let folder: ServedFolder?
        do { folder = try served.outputFolder(&arguments, spec: command.spec, staging: staging) } catch {
            guard case let .refused(message) = error else { return problem(500, "internal", "The request cannot be run.") }
            return problem(400, "usage", message)
        }
        let wantsText = body.text ?? false
        let custody = self.custody
        let binding = ServiceBinding(session: { (purpose) throws(ArchiveError) in
            try custody.session(operator: proof.op, proof: proof.proof.proof, purpose: purpose)
        }, files: ServiceBinding.Files(), keys: keys)
        let (document, status) = ServiceBinding.$current.withValue(binding) { () -> (Data, ExitCode) in
            do throws(CLIError) {
                let parsed = try ParsedArguments(arguments, spec: command.spec)
                let result = try command.run(parsed)
                folder?.collect(into: binding.files)
                var extra = extras(binding, status: result.error?.exitCode ?? .success)
                if wantsText { extra.merge(["text": result.text(), "notes": result.notes, "live": binding.live.all]) { $1 } }
                return CommandPrinter.document(result, extra: extra)
            } catch {
                var extra = extras(binding, status: error.exitCode)
                if wantsText { extra["live"] = binding.live.all }
                return CommandPrinter.document(nil, error: error, extra: extra)
            }
        }
        // Staged paths in messages and results read as the client named the files.
        return .json(Data(staging.unstage(String(decoding: document, as: UTF8.self)).utf8), status: Self.httpStatus(status))
    }

    private struct ServedFile: Encodable { let name: String; let base64: String; let mode: Int }

    private func extras(_ binding: ServiceBinding, status: ExitCode) -> [String: any Encodable] {
        ["exitStatus": Int(status.rawValue),
         "files": binding.files.all.map { ServedFile(name: $0.name, base64: $0.data.base64EncodedString(), mode: Int($0.mode)) }]
    }

    /// The HTTP status of an exit status.
    static func httpStatus(_ code: ExitCode) -> Int {
        switch code {
        case .success: 200
        case .usage: 400
        case .noPermission: 403
        case .noInput: 404
        case .dataError: 422
        case .cantCreate: 409
        default: 500
        }
    }

    // MARK: Who is asking

    /// The operator and proof of `request`: a verified client certificate enrolled for an
    /// operator, or a live session token (bearer or cookie).
    private func authenticate(_ request: HTTPRequest) -> Result<(op: String, proof: ServedProof), Failure> {
        if let token = Self.token(request) {
            let now = Date()
            let found = sessions.withLock { sessions -> LoginTicket? in
                sessions = sessions.filter { $0.value.expires > now }
                return sessions[token]?.ticket
            }
            guard let found else { return .failure(Failure(problem(401, "permission", "The session has expired or was ended; log in again (POST /v1/session)."))) }
            return .success((found.operatorId, .ticket(found)))
        }
        if let der = request.clientCertificate {
            guard let op = try? custody.operatorId(certificate: der) else {
                return .failure(Failure(problem(403, "permission", "Your certificate is not enrolled for any operator of this archive.")))
            }
            return .success((op, .certificate(der)))
        }
        return .failure(Failure(problem(401, "permission", "Prove who you are: a client certificate issued by the service's client CA, or a session (POST /v1/session).")))
    }

    /// The proofs a request carries (Sendable, unlike a private key).
    enum ServedProof: Sendable {
        case certificate(Data)
        case ticket(LoginTicket)

        var proof: OperatorProof {
            switch self {
            case let .certificate(der): .certificate(der)
            case let .ticket(ticket): .ticket(ticket)
            }
        }
    }

    struct Failure: Error { let response: HTTPResponse; init(_ response: HTTPResponse) { self.response = response } }

    private static func token(_ request: HTTPRequest) -> String? {
        if let authorization = request.header("authorization"), authorization.lowercased().hasPrefix("bearer ") {
            return String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        for cookie in request.headers where cookie.name.lowercased() == "cookie" {
            for part in cookie.value.split(separator: ";") {
                let pair = part.trimmingCharacters(in: .whitespaces)
                if pair.hasPrefix("inclusio_session=") { return String(pair.dropFirst("inclusio_session=".count)) }
            }
        }
        return nil
    }

    private struct LoginBody: Decodable { let `operator`: String; let passphrase: String }
    private struct LoginAnswer: Encodable { let token: String; let expires: String; let `operator`: String }

    private func login(_ request: HTTPRequest) -> HTTPResponse {
        guard let body = try? JSONDecoder().decode(LoginBody.self, from: request.body) else {
            return problem(400, "usage", "The body is not JSON of the form {\"operator\": \"…\", \"passphrase\": \"…\"}.")
        }
        let ticket: LoginTicket
        do { ticket = try custody.login(operator: body.operator, passphrase: Data(body.passphrase.utf8)) } catch {
            let (document, status) = CommandPrinter.document(nil, error: .failed(error), extra: ["exitStatus": Int(CLIError.failed(error).exitCode.rawValue)])
            return .json(document, status: Self.httpStatus(status))
        }
        guard let random = try? SecureRandom.bytes(32) else { return problem(500, "internal", "No random bytes for a session token.") }
        let token = random.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let expires = Date().addingTimeInterval(lifetime)
        sessions.withLock { $0[token] = (ticket, expires) }
        let answer = LoginAnswer(token: token, expires: ISO8601DateFormatter().string(from: expires), operator: ticket.operatorId)
        let (document, _) = CommandPrinter.document(CommandResult(answer) { "" }, extra: ["exitStatus": 0])
        var response = HTTPResponse.json(document)
        response.headers.append(HTTPField(name: "Set-Cookie",
                                          value: "inclusio_session=\(token); Path=/v1; Max-Age=\(Int(lifetime)); HttpOnly; Secure; SameSite=Strict"))
        return response
    }

    private func logout(_ request: HTTPRequest) -> HTTPResponse {
        if let token = Self.token(request) { sessions.withLock { $0[token] = nil } }
        var response = HTTPResponse.json(CommandPrinter.document(CommandResult(["loggedOut": true]) { "" }, extra: ["exitStatus": 0]).0)
        response.headers.append(HTTPField(name: "Set-Cookie", value: "inclusio_session=; Path=/v1; Max-Age=0; HttpOnly; Secure; SameSite=Strict"))
        return response
    }

    /// The JSON document of a failure before any command ran.
    private func problem(_ status: Int, _ kind: String, _ message: String) -> HTTPResponse {
        struct Problem: CategorizedError {
            let category: FailureCategory
            let description: String
        }
        let error = CLIError.failed(Problem(category: FailureCategory(rawValue: kind) ?? .usage, description: message))
        return .json(CommandPrinter.document(nil, error: error, extra: ["exitStatus": Int(error.exitCode.rawValue)]).0, status: status)
    }
}
