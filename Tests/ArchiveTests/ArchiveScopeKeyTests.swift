@testable import Archive
import Cryptography
import Foundation
import TestSupport
import Testing

/// Keys by scope: what one key of the hierarchy opens, judged by reading the index with the
/// sqlite3 tool and trying the key on every wrapped value, as a thief holding it would.
@Suite struct ArchiveScopeKeyTests {
    /// The rows `sql` selects, read with the sqlite3 tool (blobs selected as hex).
    static func rows(_ root: URL, _ sql: String) throws -> [[String: String]] {
        let run = try Run.program("sqlite3", ["-json", root.appendingPathComponent("index.sqlite").path, sql])
        #expect(run.status == 0, "\(run.stderr)")
        guard !run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [] }
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [[String: Any]]
        return parsed.map { $0.mapValues { "\($0)" } }
    }

    static func hex(_ text: String?) -> Data {
        var data = Data()
        var index = text?.startIndex ?? "".startIndex
        while let text, index < text.endIndex, let next = text.index(index, offsetBy: 2, limitedBy: text.endIndex) {
            data.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return data
    }

    /// The archive's master key, from the administrator's key file and passphrase.
    static func master(_ root: URL, operator op: String = "admin", passphrase: Data = TestArchive.adminPassphrase) throws -> SymmetricKey {
        let file = try Data(contentsOf: root.appendingPathComponent("keys/operators/\(op).scrypt"))
        return try #require(try OperatorKeyFile.open(file, with: .passphrase(passphrase), operator: op))
    }

    /// The key named `name` in the `keys` table, opened with `master` (its associated data is `key|<name>`).
    static func stored(_ name: String, in root: URL, master: SymmetricKey) throws -> SymmetricKey {
        let row = try #require(try rows(root, "SELECT hex(wrapped) AS w FROM keys WHERE name = '\(name)'").first)
        return try SymmetricKey(bytes: AESGCM.open(hex(row["w"]), key: master, associatedData: Data("key|\(name)".utf8)))
    }

    /// Every document whose content `key` opens, trying it on every wrapped pupil key of the index,
    /// then each opened pupil key on every document key of that pupil.
    static func documentsOpened(by key: SymmetricKey, in root: URL) throws -> Set<String> {
        var opened: Set<String> = []
        let wraps = try rows(root, "SELECT pseudonym, key_class, scope, hex(wrapped_key) AS w FROM pupil_keys")
        #expect(!wraps.isEmpty)
        for wrap in wraps {
            let (pupil, keyClass, scope) = (wrap["pseudonym"]!, wrap["key_class"]!, wrap["scope"]!)
            guard let bytes = try? AESGCM.open(hex(wrap["w"]), key: key, associatedData: Data("pupil-key|\(pupil)|\(keyClass)|\(scope)".utf8)) else { continue }
            let pupilKey = try SymmetricKey(bytes: bytes)
            let versions = try rows(root, """
                SELECT v.document AS d, v.version AS v, hex(v.wrapped_key) AS w, v.blob AS b FROM versions v
                JOIN documents d ON d.id = v.document WHERE d.pseudonym = '\(pupil)' AND v.blob IS NOT NULL
                """)
            for version in versions {
                let (document, number) = (version["d"]!, version["v"]!)
                guard let documentKey = try? AESGCM.open(hex(version["w"]), key: pupilKey, associatedData: Data("document-key|\(pupil)|\(document)|\(number)".utf8)) else { continue }
                let blob = version["b"]!
                let ciphertext = try Data(contentsOf: root.appendingPathComponent("blobs/\(blob.prefix(2))/\(blob)"))
                if (try? AESGCM.open(ciphertext, key: SymmetricKey(bytes: documentKey), associatedData: Data("content|\(pupil)|\(document)|\(number)".utf8))) != nil {
                    opened.insert(document)
                }
            }
        }
        return opened
    }

    /// The documents of the pupils at `school` (or every school) whose kind is in `kinds` (or not in, with `except`).
    static func documents(_ root: URL, school: String? = nil, kinds: [String], except: Bool = false) throws -> Set<String> {
        let list = kinds.map { "'\($0)'" }.joined(separator: ",")
        let bySchool = school.map { " AND p.school_code = '\($0)'" } ?? ""
        return Set(try rows(root, "SELECT d.id AS id FROM documents d JOIN pupils p ON p.pseudonym = d.pseudonym WHERE d.kind \(except ? "NOT IN" : "IN") (\(list))\(bySchool)").map { $0["id"]! })
    }

    static let clinical = ["certificate", "functional-diagnosis", "information-sheet"]

    @Test func aSchoolsEducationalScopeKeyOpensOnlyThatSchoolsEducationalDocuments() throws {
        let test = try TestArchive()
        for name in try TestArchive.allRecords() { try test.ingest(name) }
        let master = try Self.master(test.root)
        let key = try Self.stored("scope|school:IT-MO/MOIC80000X|educational", in: test.root, master: master)
        let opened = try Self.documentsOpened(by: key, in: test.root)

        let educationalHere = try Self.documents(test.root, school: "MOIC80000X", kinds: Self.clinical, except: true)
        let clinicalHere = try Self.documents(test.root, school: "MOIC80000X", kinds: Self.clinical)
        let elsewhere = try Self.documents(test.root, kinds: Self.clinical, except: true).subtracting(educationalHere)
        // The fixtures give the school both kinds of documents, and other schools educational ones.
        #expect(educationalHere.count >= 2 && clinicalHere.count >= 2 && elsewhere.count >= 4)
        #expect(opened == educationalHere)
        #expect(opened.isDisjoint(with: clinicalHere) && opened.isDisjoint(with: elsewhere))

        // The same school's clinical key opens its clinical documents alone.
        let clinicalKey = try Self.stored("scope|school:IT-MO/MOIC80000X|clinical", in: test.root, master: master)
        #expect(try Self.documentsOpened(by: clinicalKey, in: test.root) == clinicalHere)
        // The master key opens no pupil key directly: everything goes through a scope key.
        #expect(try Self.documentsOpened(by: master, in: test.root).isEmpty)
    }

    @Test func aPupilWhoChangesSchoolIsRewrappedToTheNewSchoolsKeys() throws {
        let test = try TestArchive()
        let filed = try test.ingest("IT-MO-iep.xml")
        try test.ingest("IT-MO-iep-life-plan.xml")   // school MOIC80100R gets its keys
        let master = try Self.master(test.root)
        let oldKey = try Self.stored("scope|school:IT-MO/MOIC80000X|educational", in: test.root, master: master)
        #expect(try Self.documentsOpened(by: oldKey, in: test.root) == [filed[0].document])

        // A newer record places the same pupil at the other school.
        let original = try String(contentsOf: TestArchive.records.appendingPathComponent("IT-MO-iep.xml"), encoding: .utf8)
        let moved = original.replacingOccurrences(of: "<code>MOIC80000X</code>", with: "<code>MOIC80100R</code>")
            .replacingOccurrences(of: "<issuedDate>2026-10-30</issuedDate>", with: "<issuedDate>2027-01-15</issuedDate>")
        #expect(moved != original)
        let again = try test.session("office").ingest(.record(Data(moved.utf8)), file: "moved.xml", title: "moved.xml", pupil: nil, dossier: nil)
        #expect(again[0].pupil == filed[0].pupil)

        let newKey = try Self.stored("scope|school:IT-MO/MOIC80100R|educational", in: test.root, master: master)
        #expect(try Self.documentsOpened(by: oldKey, in: test.root).isEmpty)
        #expect(try Self.documentsOpened(by: newKey, in: test.root).contains(filed[0].document))
        // The district's key, the same for both schools, still opens the pupil.
        let district = try Self.stored("scope|district:IT-MO/Distretto di Modena|educational", in: test.root, master: master)
        #expect(try Self.documentsOpened(by: district, in: test.root).contains(filed[0].document))
        // And the archive still opens the file for an operator.
        #expect(try test.session("office").export(filed[0].document).1 == Data(moved.utf8))
    }
}
