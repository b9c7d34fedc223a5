import Foundation
import Glibc
import TestSupport
import Testing

/// A served archive whose policy lists two witnesses (`inclusio witness serve` on 127.0.0.1),
/// judged from outside: the service submits its checkpoints, `audit verify` requires the quorum
/// and names what lacks it, a witness that is down stops nothing, and a log folder restored from
/// an older copy is caught by the witnesses without any file kept by hand.
@Suite(.serialized) struct ServedWitnessTests {
    /// `inclusio witness serve` on a witness folder, a free port.
    final class Witness {
        let folder: URL
        private(set) var url = ""
        private var process = Process()

        init(folder: URL) throws {
            self.folder = folder
            try start()
        }

        /// Starts the witness, on the port it had before when it ran already (the policy names its URL).
        func start() throws {
            let port = url.split(separator: ":").last.map(String.init) ?? "0"
            let started = try Run.startService(["witness", "serve", folder.path, "--listen", "127.0.0.1:\(port)",
                                                "--tls-cert", try TestPKI.file("server.pem").path, "--tls-key", try TestPKI.file("server.key").path],
                                               output: folder.appendingPathExtension("out"))
            process = started.process
            url = try #require(started.url)
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The service, two witnesses made from the auditor's exported checkpoint, and the policy listing both (quorum 2).
    private func setUp() throws -> (ServeCommandTests.Service, [Witness], [String]) {
        let service = try ServeCommandTests.Service(serveArguments: ["--witness-ca", try TestPKI.file("root.pem").path])
        let auditor = service.client(passphraseOperator: "auditor")
        let note = service.folder.appendingPathComponent("kept.note").path, key = service.folder.appendingPathComponent("log-key.pem").path
        let export = try Run.inclusio(["audit", "checkpoint", "-o", note, "--public-key", key] + auditor)
        #expect(export.status == 0, "\(export.stderr)")
        var witnesses: [Witness] = [], entries: [String] = []
        for name in ["w1", "w2"] {
            let folder = service.folder.appendingPathComponent("witness-\(name)")
            let made = try Run.inclusio(["witness", "init", folder.path, "--name", "dpo.example.org/\(name)", "--log-checkpoint", note, "--log-key", key, "--json"])
            #expect(made.status == 0, "\(made.stdout)")
            let result = try #require((try JSONSerialization.jsonObject(with: Data(made.stdout.utf8)) as? [String: Any])?["result"] as? [String: Any])
            let witness = try Witness(folder: folder)
            witnesses.append(witness)
            entries.append("    <witness name=\"dpo.example.org/\(name)\" url=\"\(witness.url)\" key=\"\(try #require(result["verifierKey"] as? String))\"/>")
        }
        let sample = try String(contentsOf: Run.project.appendingPathComponent("Archive/policy.sample.xml"), encoding: .utf8)
        let policy = service.folder.appendingPathComponent("witnessed-policy.xml")
        try sample.replacingOccurrences(of: "</policy>", with: "  <witnesses quorum=\"2\">\n" + entries.joined(separator: "\n") + "\n  </witnesses>\n</policy>")
            .write(to: policy, atomically: true, encoding: .utf8)
        let apply = try Run.inclusio(["archive", "policy", "apply", policy.path, "--as", "admin", "--passphrase-file", service.admin.path,
                                      "--path", service.path, "--custodian-passphrase-file", service.custodian.path])
        #expect(apply.status == 0, "\(apply.stderr)")
        return (service, witnesses, auditor)
    }

    /// Something the service logs, so that it signs (and submits) a checkpoint.
    private func activity(_ service: ServeCommandTests.Service) throws {
        let show = try Run.inclusio(["archive", "list", "--purpose", "annual-review"] + service.client("office"))
        #expect(show.status == 0, "\(show.stderr)")
    }

    /// `audit verify`'s status and problems (or its error's message).
    private func verify(_ auditor: [String]) throws -> (status: Int32, problems: [String]) {
        let run = try Run.inclusio(["audit", "verify", "--json"] + auditor)
        let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let problems = ((document?["result"] as? [String: Any])?["problems"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        let error = (document?["error"] as? [String: Any])?["message"] as? String
        return (run.status, problems.isEmpty ? error.map { [$0] } ?? [] : problems)
    }

    /// One served archive for both stories (its set-up is most of the time): first the quorum, a
    /// witness down and back; then a log folder restored from an older copy.
    @Test func theServiceGathersTheQuorumAndTheWitnessesCatchARestoredLog() throws {
        let (service, witnesses, auditor) = try setUp()
        defer { service.stop(); witnesses.forEach { $0.stop() } }
        try activity(service)
        let intact = try verify(auditor)
        #expect(intact.status == 0 && intact.problems.isEmpty, "\(intact.problems)")
        let log = URL(fileURLWithPath: service.path).appendingPathComponent("log")
        let stored = try String(contentsOf: log.appendingPathComponent("cosignatures.jsonl"), encoding: .utf8)
        #expect(stored.contains("w1") && stored.contains("w2"))
        // Yesterday's copy of log/ (cosignatures included), for later.
        let copy = service.folder.appendingPathComponent("log-copy")
        try FileManager.default.copyItem(at: log, to: copy)

        // One witness down: the archive keeps working; verify names the checkpoints that lack the quorum.
        witnesses[1].stop()
        try activity(service)
        let lacking = try verify(auditor)
        #expect(lacking.status != 0, "\(lacking.problems)")
        #expect(lacking.problems.count == 1 && lacking.problems[0].contains("the 2 witness cosignature(s) the policy requires (it has 1)"), "\(lacking.problems)")

        // Back up: the next checkpoint reaches it again, with a proof from the size it cosigned.
        try witnesses[1].start()
        try activity(service)
        let again = try verify(auditor)
        #expect(again.status == 0 && again.problems.isEmpty, "\(again.problems)")

        // The copy put back while the service is stopped: the witnesses have cosigned more than it holds.
        service.stop()
        try FileManager.default.removeItem(at: log)
        try FileManager.default.moveItem(at: copy, to: log)
        try service.start()
        let restored = try verify(service.client(passphraseOperator: "auditor"))
        #expect(restored.status != 0, "\(restored.problems)")
        // One problem naming both witnesses; the quorum the new head lacks follows from it (a note).
        #expect(restored.problems.count == 1 && restored.problems[0].hasPrefix("witnesses dpo.example.org/w1, dpo.example.org/w2 cosigned ")
                    && restored.problems[0].hasSuffix("it was cut short or restored from an older copy"), "\(restored.problems)")
    }
}
