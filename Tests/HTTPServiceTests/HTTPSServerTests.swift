import Cryptography
import Foundation
import HTTPService
import TestSupport
import Testing

/// The server as outsiders see it: curl with and without client certificates, openssl s_client.
@Suite struct HTTPSServerTests {
    private let ca = "--cacert"

    @Test func curlGetsAnswersOnlyWhenItTrustsTheServiceCA() throws {
        let server = try EchoService.start()
        defer { server.stop() }
        let trusted = try Outsiders.curl([ca, try ServicePKI.file("service-ca.pem").path, "\(server.url)/v1/pupils?kind=iep"])
        #expect(trusted.exit == 0)
        #expect(trusted.status == 200)
        let echo = try JSONDecoder().decode(Echo.self, from: Data(trusted.body.utf8))
        #expect(echo.path == "/v1/pupils" && echo.query == ["kind": "iep"] && echo.client == nil)
        // Without the service CA curl refuses the server's certificate (exit 60).
        let untrusted = try Outsiders.curl([ca, try TestPKI.file("root.pem").path, "\(server.url)/"])
        #expect(untrusted.exit == 60)
    }

    @Test func handlerSeesAClientCertificateOnlyWhenTheClientCAIssuedIt() throws {
        let server = try EchoService.start()
        defer { server.stop() }
        let trust = [ca, try ServicePKI.file("service-ca.pem").path]
        let enrolled = try Outsiders.curl(trust + ["--cert", try TestPKI.file("school-a.pem").path,
                                                    "--key", try TestPKI.file("school-a.key").path, "\(server.url)/whoami"])
        #expect(enrolled.status == 200)
        #expect(try JSONDecoder().decode(Echo.self, from: Data(enrolled.body.utf8)).client
            == TestPKI.certificate("school-a").fingerprint)
        // Another CA's certificate completes the handshake (it is only requested) and is seen as none.
        let stranger = try Outsiders.curl(trust + ["--cert", try ServicePKI.file("stranger.pem").path,
                                                    "--key", try ServicePKI.file("stranger.key").path, "\(server.url)/whoami"])
        #expect(stranger.status == 200)
        #expect(try JSONDecoder().decode(Echo.self, from: Data(stranger.body.utf8)).client == nil)
        // A certificate with a key that is not its own fails the handshake.
        let mismatched = try Outsiders.curl(trust + ["--cert", try TestPKI.file("school-a.pem").path,
                                                      "--key", try TestPKI.file("school-b.key").path, "\(server.url)/whoami"])
        #expect(mismatched.exit != 0)
        #expect(mismatched.status != 200)
    }

    @Test func aVerifiedCertificateIsRememberedOnlyWhileItIsValid() throws {
        // A client CA of its own, and a certificate from it that expires in a few seconds.
        let folder = try Run.temporaryFolder()
        let caKey = try PrivateKey.generate(.p256)
        let clientCA = try CertificateIssuer.issue(subject: [("CN", "Short-lived Client CA")], key: caKey, profile: .root,
                                                   validity: DateInterval(start: Date().addingTimeInterval(-60), duration: 3600))
        try clientCA.pem().write(to: folder.appendingPathComponent("client-ca.pem"))
        var configuration = try EchoService.configuration()
        configuration.clientCA = folder.appendingPathComponent("client-ca.pem")
        let server = try HTTPSServer(configuration: configuration, handler: EchoService.handler)
        defer { server.stop() }
        let key = try PrivateKey.generate(.p256)
        let expires = Date().addingTimeInterval(3)
        let certificate = try CertificateIssuer.issue(subject: [("CN", "Short-lived School")], key: key, profile: .party,
                                                      validity: DateInterval(start: Date().addingTimeInterval(-60), end: expires),
                                                      issuer: (clientCA, caKey))
        try certificate.pem().write(to: folder.appendingPathComponent("short.pem"))
        try key.pem().write(to: folder.appendingPathComponent("short.key"))
        let whoami = {
            try Outsiders.curl([self.ca, try ServicePKI.file("service-ca.pem").path, "--cert", folder.appendingPathComponent("short.pem").path,
                                "--key", folder.appendingPathComponent("short.key").path, "\(server.url)/whoami"])
        }
        // Verified, then remembered (a new connection with the same certificate is not verified again)…
        for _ in 0..<2 { #expect(try JSONDecoder().decode(Echo.self, from: Data(whoami().body.utf8)).client == certificate.fingerprint) }
        // …but only within its validity period.
        Thread.sleep(until: expires.addingTimeInterval(1.5))
        let late = try whoami()
        #expect(late.status == 200)
        #expect(try JSONDecoder().decode(Echo.self, from: Data(late.body.utf8)).client == nil)
        // A certificate that did not verify is never remembered as verified.
        for _ in 0..<2 {
            let stranger = try Outsiders.curl([ca, try ServicePKI.file("service-ca.pem").path, "--cert", try ServicePKI.file("stranger.pem").path,
                                               "--key", try ServicePKI.file("stranger.key").path, "\(server.url)/whoami"])
            #expect(try JSONDecoder().decode(Echo.self, from: Data(stranger.body.utf8)).client == nil)
        }
    }

    @Test func opensslHandshakeVerifiesTheServerForItsIPAddress() throws {
        let server = try EchoService.start()
        defer { server.stop() }
        let run = try Outsiders.sClient(port: server.port, ["-CAfile", try ServicePKI.file("service-ca.pem").path,
                                                            "-verify_return_error", "-verify_ip", "127.0.0.1", "-brief"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("Verification: OK"))
        #expect(run.stderr.contains("Protocol version: TLSv1.3"))
        let wrongAddress = try Outsiders.sClient(port: server.port, ["-CAfile", try ServicePKI.file("service-ca.pem").path,
                                                                     "-verify_return_error", "-verify_ip", "10.0.0.1", "-brief"])
        #expect(wrongAddress.status != 0)
    }

    @Test func serverAsksForCertificatesFromTheClientCA() throws {
        let server = try EchoService.start()
        defer { server.stop() }
        let run = try Outsiders.sClient(port: server.port, ["-CAfile", try ServicePKI.file("service-ca.pem").path, "-tls1_2"])
        #expect(run.stdout.contains("Acceptable client certificate CA names"))
        #expect(run.stdout.contains("Inclusio Demo Root CA"))
    }

    @Test func servesOnAUnixSocketAndRemovesIt() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("serve.sock").path
        let server = try EchoService.start(endpoint: .unixSocket(path: path))
        let answer = try Outsiders.curl(["--unix-socket", path, ca, try ServicePKI.file("service-ca.pem").path,
                                         "https://localhost/v1/status"])
        #expect(answer.status == 200)
        server.stop()
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
