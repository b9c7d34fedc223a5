import Archive
import Cryptography
import Foundation
import Testing
import TestSupport

/// A served archive (`--custody service`): the custodians' passphrase alone opens the key;
/// operators are enrolled by identity and prove it at every request.
@Suite struct ArchiveCustodyTests {
    static let custodian = Data("custodians' passphrase for tests".utf8)
    static let schemas = TestArchive.schemas

    /// A served archive with the sample policy; office, head-mo-1, teacher-mo-2 (certificates) and
    /// records (passphrase) enrolled through the custody by admin (passphrase).
    struct Served {
        let root: URL
        let custody: ArchiveCustody

        init(policy: Data? = nil) throws {
            root = try Run.temporaryFolder().appendingPathComponent("served")
            let schemas = try ArchiveSchemas(directory: ArchiveCustodyTests.schemas)
            let policy = try policy ?? Data(contentsOf: Run.project.appendingPathComponent("Archive/policy.sample.xml"))
            try ConfidentialArchive.create(at: root, policy: policy, policyFile: "policy.xml", schemas: schemas, administrator: "admin",
                                           enrolment: .passphrase(TestArchive.adminPassphrase), custodian: ArchiveCustodyTests.custodian)
            custody = try ConfidentialArchive(at: root, schemas: schemas).unlock(custodianPassphrase: ArchiveCustodyTests.custodian,
                                                                                  retryDelay: 0.05, retryCeiling: 0.4)
            let admin = try custody.session(operator: "admin", proof: .passphrase(TestArchive.adminPassphrase), purpose: nil)
            try admin.enrol("office", with: .certificate(TestPKI.certificate("office")))
            try admin.enrol("head-mo-1", with: .certificate(TestPKI.certificate("school-a")))
            try admin.enrol("teacher-mo-2", with: .certificate(TestPKI.certificate("school-b")))
            try admin.enrol("records", with: .passphrase(TestArchive.recordsPassphrase))
        }

        func session(_ op: String, _ stem: String, purpose: String = "annual-review") throws -> ArchiveSession {
            try custody.session(operator: op, proof: .certificate(ArchiveCustodyTests.der(stem)), purpose: purpose)
        }

        func logEntries() throws -> [[String: Any]] {
            let text = try String(contentsOf: root.appendingPathComponent("log/access.jsonl"), encoding: .utf8)
            return try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        }

        func files(under folder: String) -> [String] {
            (FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)?.compactMap { $0 as? String } ?? []).sorted()
        }
    }

    /// The DER of a demo certificate, as a TLS client certificate arrives (PEM body, base64-decoded).
    static func der(_ stem: String) throws -> Data {
        let pem = try String(contentsOf: TestPKI.file("\(stem).pem"), encoding: .utf8)
        let body = pem.components(separatedBy: "-----BEGIN CERTIFICATE-----")[1].components(separatedBy: "-----END CERTIFICATE-----")[0]
        return try #require(Data(base64Encoded: body.filter { !$0.isWhitespace }))
    }

    @Test func nothingAnOperatorHoldsOpensAKeyAndTheirEnrolmentIsIdentityOnly() throws {
        let served = try Served()
        #expect(served.files(under: "keys") == ["custodian.scrypt", "operators", "operators/admin.enrolment", "operators/head-mo-1.enrolment",
                                                "operators/office.enrolment", "operators/records.enrolment", "operators/teacher-mo-2.enrolment"])
        // The custodians' file records scrypt N = 2^17 (log2 N after the magic line).
        let file = try Data(contentsOf: served.root.appendingPathComponent("keys/custodian.scrypt"))
        #expect(file.prefix(18) == Data("INCLUSIO-SCRYPT-1\n".utf8) && file[file.startIndex + 18] == 17)
        // A passphrase enrolment is a verifier of the same cost, read as JSON by an outsider.
        let records = try JSONSerialization.jsonObject(with: Data(contentsOf: served.root.appendingPathComponent("keys/operators/records.enrolment"))) as? [String: Any]
        #expect((records?["verifier"] as? [String: Any])?["log2N"] as? Int == 17)
        #expect(records?["certificate"] == nil)
        // An operator's passphrase is not the custodians': it opens nothing.
        let archive = try ConfidentialArchive(at: served.root, schemas: ArchiveSchemas(directory: Self.schemas))
        #expect(archive.custody == .service)
        for passphrase in [TestArchive.recordsPassphrase, TestArchive.adminPassphrase] {
            let error = #expect(throws: ArchiveError.self) { _ = try archive.unlock(custodianPassphrase: passphrase) }
            guard case .wrongCustodianPassphrase = error else { Issue.record("got \(String(describing: error))"); return }
        }
        // Nor does the local way in: the archive says it is served (77).
        let local = #expect(throws: ArchiveError.self) {
            _ = try archive.login("office", credential: .key(TestPKI.key("office"), file: "office.key"), purpose: "annual-review")
        }
        guard case .servedArchive = local else { Issue.record("got \(String(describing: local))"); return }
        #expect(local?.category == .permission)
    }

    @Test func aCertificateOperatorIsWhoTheirVerifiedCertificateSays() throws {
        let served = try Served()
        let office = try served.session("office", "office")
        let filed = try office.ingest(.record(Data(contentsOf: TestArchive.records.appendingPathComponent("IT-MO-iep.xml"))),
                                      file: "iep.xml", title: "iep.xml", pupil: nil, dossier: nil)
        #expect(try served.session("head-mo-1", "school-a").export(filed[0].document).1
                == Data(contentsOf: TestArchive.records.appendingPathComponent("IT-MO-iep.xml")))
        #expect(try served.custody.operatorId(certificate: Self.der("school-b")) == "teacher-mo-2")
        #expect(try served.custody.operatorId(certificate: Self.der("root")) == nil)
        // Another operator's certificate, and a certificate nobody enrolled, are refused and logged.
        for stem in ["school-a", "root"] {
            let error = #expect(throws: ArchiveError.self) { _ = try served.session("teacher-mo-2", stem) }
            guard case .wrongCredential("teacher-mo-2") = error else { Issue.record("got \(String(describing: error))"); return }
        }
        // A custodian on the machine may act for an operator who holds the private key.
        _ = try served.custody.session(operator: "office", proof: .key(TestPKI.key("office")), purpose: "annual-review")
        let wrongKey = #expect(throws: ArchiveError.self) { _ = try served.custody.session(operator: "office", proof: .key(TestPKI.key("school-b")), purpose: "annual-review") }
        guard case .wrongCredential = wrongKey else { Issue.record("got \(String(describing: wrongKey))"); return }
        let denied = try served.logEntries().filter { $0["action"] as? String == "login" }
        #expect(denied.map { "\($0["operatorId"]!) \($0["outcome"]!)" } == ["teacher-mo-2 denied", "teacher-mo-2 denied", "office denied"])
    }

    @Test func wrongPassphrasesAreLoggedAndSlowedDownPerOperator() throws {
        let served = try Served()
        _ = try served.custody.session(operator: "records", proof: .passphrase(TestArchive.recordsPassphrase), purpose: "annual-review")
        var times: [Double] = []
        for attempt in 1...3 {
            let start = Date()
            let error = #expect(throws: ArchiveError.self) {
                _ = try served.custody.session(operator: "records", proof: .passphrase(Data("not the passphrase, attempt \(attempt)".utf8)), purpose: "annual-review")
            }
            guard case .wrongCredential("records") = error else { Issue.record("got \(String(describing: error))"); return }
            times.append(Date().timeIntervalSince(start))
            #expect(served.custody.failureCount(of: "records") == attempt)
        }
        // 0.05 s, then 0.1 s, then 0.2 s on top of the scrypt check (a lower bound: the machine may be busy).
        #expect((1...5).map { served.custody.retryDelay(after: $0) } == [0.05, 0.1, 0.2, 0.4, 0.4])
        for (attempt, time) in times.enumerated() { #expect(time >= served.custody.retryDelay(after: attempt + 1), "\(times)") }
        #expect(served.custody.failureCount(of: "office") == 0)
        // The right passphrase resets the count; a kind of proof the policy does not name is refused.
        _ = try served.custody.session(operator: "records", proof: .passphrase(TestArchive.recordsPassphrase), purpose: "annual-review")
        #expect(served.custody.failureCount(of: "records") == 0)
        #expect(throws: ArchiveError.self) { _ = try served.custody.session(operator: "records", proof: .certificate(Self.der("office")), purpose: "annual-review") }
        let logins = try served.logEntries().filter { $0["action"] as? String == "login" && $0["operatorId"] as? String == "records" }
        #expect(logins.count == 4 && logins.allSatisfy { $0["outcome"] as? String == "denied" })
    }

    @Test func theMinimumPassphraseLengthComesFromThePolicyAtEnrolmentAndAtEveryLogin() throws {
        let sample = try String(contentsOf: Run.project.appendingPathComponent("Archive/policy.sample.xml"), encoding: .utf8)
        let served = try Served()
        let admin = try served.custody.session(operator: "admin", proof: .passphrase(TestArchive.adminPassphrase), purpose: nil)
        let short = #expect(throws: ArchiveError.self) { try admin.enrol("auditor", with: .passphrase(Data("eleven char".utf8))) }
        guard case .weakPassphrase("auditor", 12) = short else { Issue.record("got \(String(describing: short))"); return }
        #expect(!FileManager.default.fileExists(atPath: served.root.appendingPathComponent("keys/operators/auditor.enrolment").path))
        // Raised to 30: the records officer's 28-character passphrase no longer logs in.
        let raised = sample.replacingOccurrences(of: "</policy>", with: "  <passphrases minimum-length=\"30\"/>\n</policy>")
        try admin.applyPolicy(Data(raised.utf8), file: "raised.xml")
        let refused = #expect(throws: ArchiveError.self) {
            _ = try served.custody.session(operator: "records", proof: .passphrase(TestArchive.recordsPassphrase), purpose: "annual-review")
        }
        guard case .wrongCredential = refused else { Issue.record("got \(String(describing: refused))"); return }
    }

    @Test func aRemovedOperatorIsRefusedAtTheirNextRequest() throws {
        let served = try Served()
        let teacher = try served.session("teacher-mo-2", "school-b")
        _ = try teacher.pupils()
        let sample = try String(contentsOf: Run.project.appendingPathComponent("Archive/policy.sample.xml"), encoding: .utf8)
        let start = try #require(sample.range(of: "  <operator id=\"teacher-mo-2\""))
        let end = try #require(sample.range(of: "</operator>", range: start.upperBound..<sample.endIndex))
        let without = sample.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "")
        let admin = try served.custody.session(operator: "admin", proof: .passphrase(TestArchive.adminPassphrase), purpose: nil)
        try admin.applyPolicy(Data(without.utf8), file: "without-teacher.xml")
        #expect(!FileManager.default.fileExists(atPath: served.root.appendingPathComponent("keys/operators/teacher-mo-2.enrolment").path))
        let error = #expect(throws: ArchiveError.self) { _ = try served.session("teacher-mo-2", "school-b") }
        guard case .wrongCredential("teacher-mo-2") = error else { Issue.record("got \(String(describing: error))"); return }
        // Putting the operator back in the policy is not enough: they must be enrolled again.
        try admin.applyPolicy(Data(sample.utf8), file: "policy.xml")
        #expect(throws: ArchiveError.self) { _ = try served.session("teacher-mo-2", "school-b") }
    }

    @Test func aPolicyAppliedWhileServingCountsAtTheNextSessionThoughArchivesAreReused() throws {
        let served = try Served()
        // Sessions that end leave their opened archive (connection, parsed policy) to the next.
        _ = try served.session("teacher-mo-2", "school-b").pupils()
        #expect(try served.session("teacher-mo-2", "school-b").op.scopes.map(\.school) == ["MOIC80100R"])
        // A command on the service's machine (its own custody, its own connection) moves the teacher to school A.
        let sample = try String(contentsOf: Run.project.appendingPathComponent("Archive/policy.sample.xml"), encoding: .utf8)
        let moved = sample.replacingOccurrences(of: #"<scope jurisdiction="IT-MO" school="MOIC80100R"/>"#,
                                                with: #"<scope jurisdiction="IT-MO" school="MOIC80000X"/>"#)
        #expect(moved != sample)
        let command = try ConfidentialArchive(at: served.root, schemas: ArchiveSchemas(directory: Self.schemas))
            .unlock(custodianPassphrase: Self.custodian)
        try command.session(operator: "admin", proof: .passphrase(TestArchive.adminPassphrase), purpose: nil)
            .applyPolicy(Data(moved.utf8), file: "moved.xml")
        let after = try served.session("teacher-mo-2", "school-b")
        #expect(after.op.scopes.map(\.school) == ["MOIC80000X"])
        // And back, applied by the service's own custody.
        let admin = try served.custody.session(operator: "admin", proof: .passphrase(TestArchive.adminPassphrase), purpose: nil)
        try admin.applyPolicy(Data(sample.utf8), file: "policy.xml")
        #expect(try served.session("teacher-mo-2", "school-b").op.scopes.map(\.school) == ["MOIC80100R"])
    }

    @Test func anEnrolmentSlippedIntoTheFolderIsRefused() throws {
        let served = try Served()
        // Someone with write access copies the head's enrolment (their certificate) over the teacher's, renamed.
        let operators = served.root.appendingPathComponent("keys/operators")
        let head = try String(contentsOf: operators.appendingPathComponent("head-mo-1.enrolment"), encoding: .utf8)
        try head.replacingOccurrences(of: "\"operatorId\":\"head-mo-1\"", with: "\"operatorId\":\"teacher-mo-2\"")
            .write(to: operators.appendingPathComponent("teacher-mo-2.enrolment"), atomically: true, encoding: .utf8)
        let error = #expect(throws: ArchiveError.self) { _ = try served.session("teacher-mo-2", "school-a") }
        guard case .wrongCredential = error else { Issue.record("got \(String(describing: error))"); return }
    }

    @Test func aWrongCustodianPassphraseWritesNothingAndTheLogStillVerifies() throws {
        let served = try Served()
        let archive = try ConfidentialArchive(at: served.root, schemas: ArchiveSchemas(directory: Self.schemas))
        #expect(throws: ArchiveError.self) { _ = try archive.unlock(custodianPassphrase: Data("a guess at the custodians' passphrase".utf8)) }
        // No key was opened to seal an entry, so none is written.
        #expect(try served.logEntries().allSatisfy { $0["outcome"] as? String != "denied" })
        let admin = try served.custody.session(operator: "admin", proof: .passphrase(TestArchive.adminPassphrase), purpose: nil)
        let verification = try admin.verifyLog(exported: [])
        #expect(verification.problems.isEmpty, "\(verification.problems)")
        // A local archive has nothing to unlock.
        let local = try TestArchive()
        let error = #expect(throws: ArchiveError.self) { _ = try local.reopened().unlock(custodianPassphrase: Self.custodian) }
        guard case .notServed = error else { Issue.record("got \(String(describing: error))"); return }
    }
}
