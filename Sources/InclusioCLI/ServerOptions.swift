import Foundation
import HTTPClient

/// The options of a command run on the archive service instead of a local `--path`: where the
/// service is, the CA that vouches for it, and the client certificate (with `--key`); a
/// passphrase operator gives `--as` and `--passphrase-file` as for a local archive.
///
/// `--cert`/`--key` are the names curl and `dossier open` use for a certificate and its key;
/// `--server-ca`, not `--ca`, because `--ca` already names the roots that dossiers are checked
/// against (`archive ingest --ca`), which the service must still be sent.
enum ServerOptions {
    static let server = Option(["--server"], value: "https://host:port",
                               help: "Run the command on the archive service there (`inclusio serve`) instead of on an archive folder.")
    static let cert = Option(["--cert"], value: "cert", help: "With --server: your client certificate (PEM); its key is --key (unencrypted PEM).")
    static let serverCA = Option(["--server-ca"], value: "cert",
                                 help: "With --server: the CA that issued the service's certificate (PEM); no other CA is trusted.")

    /// Every session command's, beside ``ArchiveOptions/session``.
    static let all = [server, cert, serverCA]

    /// Options the client keeps: where the service is, and who you are (proved by TLS or by a session).
    static let kept: Set<String> = [server.key, cert.key, serverCA.key, ArchiveOptions.operatorId.key, ArchiveOptions.key.key,
                                    ArchiveOptions.passphrase.key, KeyOptions.keyPassphrase.key, HomeOptions.schemas.key]

    /// The client of `--server`, proving who the operator is: the certificate of `--cert` and
    /// `--key`, or a session opened with `--as` and `--passphrase-file` (`POST /v1/session`).
    static func client(_ arguments: ParsedArguments) throws(CLIError) -> HTTPSClient {
        guard let address = arguments.value(server) else { throw arguments.usage("Give the archive service with --server https://HOST:PORT.") }
        guard let url = URL(string: address), url.scheme == "https", url.host != nil, url.path.isEmpty || url.path == "/", url.query == nil else {
            throw arguments.usage("--server takes the service's address as https://HOST:PORT, nothing after it.")
        }
        for local in [ArchiveOptions.path, ArchiveOptions.custodian] where arguments.value(local) != nil {
            throw arguments.usage("Give --server or \(local.names[0]), not both: with --server the service finds the archive and holds its keys.")
        }
        guard let ca = arguments.value(serverCA) else {
            throw arguments.usage("Give the CA that issued the service's certificate with --server-ca CERT.")
        }
        let trusted = URL(fileURLWithPath: ca)
        switch (arguments.value(cert), arguments.value(ArchiveOptions.key), arguments.value(ArchiveOptions.passphrase)) {
        case let (certificate?, key?, nil):
            let identity = HTTPClientConfiguration.ClientIdentity(certificate: URL(fileURLWithPath: certificate), key: URL(fileURLWithPath: key))
            return try make(HTTPClientConfiguration(server: url, trustedCA: trusted, identity: identity))
        case let (nil, nil, passphraseFile?):
            guard let op = arguments.value(ArchiveOptions.operatorId) else { throw arguments.usage("Say who you are with --as OPERATOR.") }
            let passphrase = try KeyOptions.passphrase(in: passphraseFile)
            let token = try ServiceClient.login(try make(HTTPClientConfiguration(server: url, trustedCA: trusted)), operator: op, passphrase: passphrase)
            return try make(HTTPClientConfiguration(server: url, trustedCA: trusted, bearerToken: token))
        default:
            throw arguments.usage("Prove who you are to the service: --cert CERT with --key KEY, or --as OPERATOR with --passphrase-file FILE.")
        }
    }

    private static func make(_ configuration: HTTPClientConfiguration) throws(CLIError) -> HTTPSClient {
        do { return try HTTPSClient(configuration: configuration) } catch { throw .failed(error) }
    }
}
