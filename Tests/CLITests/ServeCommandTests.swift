import Foundation
import Glibc
import TestSupport
import Testing

/// `inclusio serve` judged from outside: curl with and without a client certificate, a
/// passphrase session (bearer and cookie), an expired session, a removed operator, the
/// existence oracle over HTTP, openssl s_client, and a second service on the same folder.
@Suite(.serialized) struct ServeCommandTests {
    /// A served archive (admin, office, teacher-mo-2, records and auditor enrolled; the fixtures
    /// filed unless `ingest` is false) and its service on 127.0.0.1, a free port, sessions of 3
    /// seconds, with `serveArguments` added. Stopped with SIGTERM by `stop`, killed by `kill`.
    final class Service {
        let folder: URL, path: String, pki: URL, custodian: URL, admin: URL, records: URL
        private(set) var url = "", process = Process()
        private let serveArguments: [String]

        init(ingest: Bool = true, serveArguments: [String] = []) throws {
            self.serveArguments = serveArguments
            folder = try Run.temporaryFolder()
            pki = folder.appendingPathComponent("pki")
            #expect(try Run.inclusio(["keys", "init", pki.path]).status == 0)
            admin = folder.appendingPathComponent("admin.pass")
            custodian = folder.appendingPathComponent("custodian.pass")
            records = folder.appendingPathComponent("records.pass")
            try Data("correct horse battery staple\n".utf8).write(to: admin)
            try Data("the custodians' long passphrase\n".utf8).write(to: custodian)
            try Data("records officer passphrase\n".utf8).write(to: records)
            path = folder.appendingPathComponent("archive").path
            #expect(try Run.inclusio(["archive", "init", "--path", path, "--custody", "service", "--custodian-passphrase-file", custodian.path,
                                      "--admin-passphrase-file", admin.path]).status == 0)
            let asAdmin = ["--as", "admin", "--passphrase-file", admin.path, "--path", path, "--custodian-passphrase-file", custodian.path]
            for (op, credential) in [("office", ["--cert", pki.appendingPathComponent("office.pem").path]),
                                     ("teacher-mo-2", ["--cert", pki.appendingPathComponent("school-b.pem").path]),
                                     ("records", ["--new-passphrase-file", records.path]), ("auditor", ["--new-passphrase-file", records.path])] {
                let enrol = try Run.inclusio(["archive", "enrol", op] + credential + asAdmin)
                #expect(enrol.status == 0, "\(enrol.stderr)")
            }
            if ingest {
                let ingest = try Run.inclusio(["archive", "ingest", "Tests/Fixtures/records", "--purpose", "filing", "--as", "office",
                                               "--key", pki.appendingPathComponent("office.key").path, "--path", path, "--custodian-passphrase-file", custodian.path])
                #expect(ingest.status == 0, "\(ingest.stderr)")
            }
            try start()
        }

        /// Starts the service (again) on the folder; `url` is where it listens.
        func start() throws {
            let started = try Run.startService(["serve", "--path", path, "--listen", "127.0.0.1:0", "--tls-cert", pki.appendingPathComponent("server.pem").path,
                                                "--tls-key", pki.appendingPathComponent("server.key").path, "--client-ca", pki.appendingPathComponent("root.pem").path,
                                                "--unlock-passphrase-file", custodian.path, "--session-lifetime", "3"] + serveArguments,
                                               output: folder.appendingPathComponent("serve.out"))
            process = started.process
            url = try #require(started.url)
        }

        /// Applies the sample policy without operator `id`, on the service's machine, while it serves.
        func removeFromPolicy(_ id: String) throws {
            let sample = try String(contentsOf: Run.project.appendingPathComponent("Archive/policy.sample.xml"), encoding: .utf8)
            let start = try #require(sample.range(of: "  <operator id=\"\(id)\""))
            let end = try #require(sample.range(of: "</operator>", range: start.upperBound..<sample.endIndex))
            let without = folder.appendingPathComponent("without-\(id).xml")
            try sample.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "").write(to: without, atomically: true, encoding: .utf8)
            let apply = try Run.inclusio(["archive", "policy", "apply", without.path, "--as", "admin", "--passphrase-file", admin.path,
                                          "--path", path, "--custodian-passphrase-file", custodian.path])
            #expect(apply.status == 0, "\(apply.stderr)")
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }

        /// `kill -9`: the service ends in the middle of whatever it was doing.
        func kill() {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        /// The options that send a command to the service as `client` (a certificate of the demo PKI),
        /// or as the passphrase operator `op`.
        func client(_ client: String) -> [String] {
            ["--server", url, "--server-ca", pki.appendingPathComponent("root.pem").path,
             "--cert", pki.appendingPathComponent("\(client).pem").path, "--key", pki.appendingPathComponent("\(client).key").path]
        }

        func client(passphraseOperator op: String) -> [String] {
            ["--server", url, "--server-ca", pki.appendingPathComponent("root.pem").path, "--as", op, "--passphrase-file", records.path]
        }

        /// The options that run a command on the service's machine, with the custodians' passphrase, as the operator of `client`.
        func local(_ client: String, as op: String) -> [String] {
            ["--path", path, "--custodian-passphrase-file", custodian.path, "--as", op, "--key", pki.appendingPathComponent("\(client).key").path]
        }

        func local(passphraseOperator op: String) -> [String] {
            ["--path", path, "--custodian-passphrase-file", custodian.path, "--as", op, "--passphrase-file", records.path]
        }

        /// curl's answer to a command: HTTP status and the JSON document.
        func command(_ words: String, _ arguments: [String], as client: String? = nil, headers: [String] = []) throws -> (status: Int, json: [String: Any]) {
            let body = String(decoding: try JSONSerialization.data(withJSONObject: ["arguments": arguments]), as: UTF8.self)
            return try curl(["-X", "POST", "\(url)/v1/commands/\(words)", "-d", body] + headers, as: client)
        }

        func curl(_ arguments: [String], as client: String? = nil) throws -> (status: Int, json: [String: Any]) {
            let certificate = client.map { ["--cert", pki.appendingPathComponent("\($0).pem").path, "--key", pki.appendingPathComponent("\($0).key").path] } ?? []
            let run = try Run.program("curl", ["-s", "--cacert", pki.appendingPathComponent("root.pem").path, "-w", "\n%{http_code}"] + certificate + arguments)
            let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let status = Int(lines.last ?? "") ?? 0
            let json = (try? JSONSerialization.jsonObject(with: Data(lines.dropLast().joined(separator: "\n").utf8))) as? [String: Any] ?? [:]
            return (status, json)
        }
    }

    @Test func certificateOperatorsGetTheCommandLinesJSONAndStrangersNothing() throws {
        let service = try Service()
        defer { service.stop() }
        let show = try service.command("archive/show", ["--pupil", "RSSLCU20B17X000S", "--purpose", "annual-review"], as: "office")
        #expect(show.status == 200 && show.json["exitStatus"] as? Int == 0, "\(show.json)")
        // The same command on the service's machine (custodian) gives the same result document.
        let local = try Run.inclusio(["archive", "show", "--pupil", "RSSLCU20B17X000S", "--purpose", "annual-review", "--json", "--as", "office",
                                      "--key", service.pki.appendingPathComponent("office.key").path, "--path", service.path,
                                      "--custodian-passphrase-file", service.custodian.path])
        let localJSON = try #require(try JSONSerialization.jsonObject(with: Data(local.stdout.utf8)) as? [String: Any])
        #expect(NSDictionary(dictionary: localJSON["result"] as? [String: Any] ?? [:]).isEqual(to: show.json["result"] as? [String: Any] ?? ["x": 1]))
        // No certificate: 401; a certificate nobody enrolled (school-a's): 403.
        #expect(try service.command("archive/list", ["--purpose", "annual-review"]).status == 401)
        #expect(try service.command("archive/list", ["--purpose", "annual-review"], as: "school-a").status == 403)
        // Out of scope and unknown: 403 both, the same message.
        let outside = try service.command("archive/show", ["--pupil", "RSSLCU20B17X000S", "--purpose", "annual-review"], as: "school-b")
        let unknown = try service.command("archive/show", ["--pupil", "VRDGPP80A01F257X", "--purpose", "annual-review"], as: "school-b")
        #expect(outside.status == 403 && unknown.status == 403)
        #expect((outside.json["error"] as? [String: Any])?["message"] as? String == (unknown.json["error"] as? [String: Any])?["message"] as? String)
        // A file a command writes comes back in the answer, byte for byte, and not onto the service's disk.
        let documents = ((show.json["result"] as? [String: Any])?["documents"] as? [[String: Any]]) ?? []
        let iep = try #require(documents.first { $0["kind"] as? String == "iep" }?["id"] as? String)
        let get = try service.command("archive/get", [iep, "-o", "copy.xml", "--purpose", "annual-review"], as: "office")
        let file = try #require((get.json["files"] as? [[String: Any]])?.first)
        #expect(get.status == 200 && file["name"] as? String == "copy.xml")
        #expect(Data(base64Encoded: file["base64"] as? String ?? "") == (try Data(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures/records/IT-MO-iep.xml"))))
        #expect(!FileManager.default.fileExists(atPath: Run.project.appendingPathComponent("copy.xml").path))
        // Who you are is not an argument; unknown routes are 404.
        #expect(try service.command("archive/list", ["--purpose", "annual-review", "--as", "office"], as: "school-b").status == 400)
        #expect(try service.command("archive/init", [], as: "office").status == 404)
        // openssl s_client verifies the server's certificate for 127.0.0.1 against the demo root.
        let port = String(service.url.split(separator: ":").last ?? "")
        let sClient = try Run.program("sh", ["-c", "echo | openssl s_client -connect 127.0.0.1:\(port) -verify_ip 127.0.0.1 -CAfile \(service.pki.appendingPathComponent("root.pem").path) 2>&1"])
        #expect(sClient.stdout.contains("Verify return code: 0 (ok)"), "\(sClient.stdout.suffix(400))")
        // A second service on the same folder is refused while the first runs.
        let second = try Run.inclusio(["serve", "--path", service.path, "--listen", "127.0.0.1:0", "--tls-cert", service.pki.appendingPathComponent("server.pem").path,
                                       "--tls-key", service.pki.appendingPathComponent("server.key").path, "--client-ca", service.pki.appendingPathComponent("root.pem").path,
                                       "--unlock-passphrase-file", service.custodian.path])
        #expect(second.status == 73 && second.stderr.contains("already being served"), "\(second.stderr)")
    }

    @Test func passphraseSessionsExpireAndARemovedOperatorIsRefusedAtTheNextRequest() throws {
        let service = try Service()
        defer { service.stop() }
        let wrong = try service.curl(["-X", "POST", "\(service.url)/v1/session", "-d", #"{"operator":"records","passphrase":"not the records passphrase"}"#])
        #expect(wrong.status == 403, "\(wrong.json)")
        let login = try service.curl(["-X", "POST", "\(service.url)/v1/session", "-d", #"{"operator":"records","passphrase":"records officer passphrase"}"#])
        let token = try #require((login.json["result"] as? [String: Any])?["token"] as? String)
        let list = try service.command("archive/list", ["--purpose", "retention"], headers: ["-H", "Authorization: Bearer \(token)"])
        #expect(list.status == 200, "\(list.json)")
        let cookie = try service.command("archive/list", ["--purpose", "retention"], headers: ["-b", "inclusio_session=\(token)"])
        #expect(cookie.status == 200)
        Thread.sleep(forTimeInterval: 3.2)
        #expect(try service.command("archive/list", ["--purpose", "annual-review"], headers: ["-H", "Authorization: Bearer \(token)"]).status == 401)
        // The teacher is served, then removed from the policy (on the service's machine): refused at the next request.
        #expect(try service.command("archive/list", ["--purpose", "annual-review"], as: "school-b").status == 200)
        try service.removeFromPolicy("teacher-mo-2")
        #expect(try service.command("archive/list", ["--purpose", "annual-review"], as: "school-b").status == 403)
        // Every refusal is in the log.
        let log = try String(contentsOf: URL(fileURLWithPath: service.path).appendingPathComponent("log/access.jsonl"), encoding: .utf8)
        #expect(log.contains(#""operatorId":"records""#) && log.contains(#""outcome":"denied""#))
    }
}
