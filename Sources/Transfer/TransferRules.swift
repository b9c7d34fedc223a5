import Foundation
import Records
import XML

/// What must follow a pupil to the next school, per school level, as
/// `Rules/<jurisdiction>/transfer.xml` says (schema `Schemas/transfer/required-set.xsd`).
public struct TransferRules: Sendable {
    public static let namespace = "urn:inclusio:transfer-rules:1"

    /// One school level: the kinds that travel (which of them are required), and how to tell
    /// the year its pupils graduate.
    public struct Level: Sendable {
        public let name: String
        public let next: String?
        public let entryAge: Int
        public let years: Int
        /// Month and day: born on or before it, a child starts with that year's cohort.
        public let cutoff: (month: Int, day: Int)
        /// Kinds in the rule's order, each with whether it is required.
        public let documents: [(kind: String, required: Bool)]

        public var kinds: Set<String> { Set(documents.map(\.kind)) }
        public var requiredKinds: [String] { documents.filter(\.required).map(\.kind) }

        /// The calendar year in which a pupil born on `birthDate` (YYYY-MM-DD) finishes this
        /// level: the cohort starts in the year they reach `entryAge` by the cut-off, and the
        /// last school year of the level ends `years` later.
        public func graduationYear(birthDate: String) -> Int? {
            let parts = birthDate.prefix(10).split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            let late = (parts[1], parts[2]) > (cutoff.month, cutoff.day)
            return parts[0] + entryAge + (late ? 1 : 0) + years
        }
    }

    public let jurisdiction: String
    /// The rules file as messages and registers name it (`Rules/IT-MO/transfer.xml`).
    public let file: String
    /// The source paragraph the rule cites.
    public let seed: String
    public let paragraph: String
    public let levels: [String: Level]

    /// Every kind that travels at some level.
    public var kinds: Set<String> { levels.values.reduce(into: []) { $0.formUnion($1.kinds) } }

    /// Reads `Rules/<jurisdiction>/transfer.xml` under `folder`, validated against `schemas`.
    /// - Throws: ``TransferError/noRules(jurisdiction:expected:)``, ``TransferError/invalidRules(file:reason:)``.
    public static func load(jurisdiction: String, folder: URL, schemas: SchemaCatalog) throws(TransferError) -> TransferRules {
        let file = "Rules/\(jurisdiction)/transfer.xml"
        let url = folder.appendingPathComponent(jurisdiction, isDirectory: true).appendingPathComponent("transfer.xml")
        guard jurisdiction.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), FileManager.default.fileExists(atPath: url.path) else {
            throw .noRules(jurisdiction: jurisdiction, expected: file)
        }
        let tree: XMLTree
        do { tree = try RecordValidator(catalog: schemas).tree(contentsOf: url, file: file, namespace: namespace) } catch {
            throw .invalidRules(file: file, reason: error.reason)
        }
        let root = tree.rootElement()
        guard root.attribute("jurisdiction") == jurisdiction else {
            throw .invalidRules(file: file, reason: "it is written for \(root.attribute("jurisdiction") ?? "no jurisdiction"), not \(jurisdiction).")
        }
        let source = root.children(named: "source").first
        var levels: [String: Level] = [:]
        // The schema requires these attributes; numbers it accepts but Int cannot hold are refused here.
        for level in root.children(named: "level") {
            guard let name = level.attribute("name"), let entryAge = level.attribute("entryAge").flatMap({ Int($0) }),
                  let years = level.attribute("years").flatMap({ Int($0) }),
                  let cutoff = level.attribute("cutoff")?.split(separator: "-").compactMap({ Int($0) }), cutoff.count == 2 else {
                throw .invalidRules(file: file, reason: "line \(level.line): a level needs a name, whole numbers for entryAge and years, and a cutoff MM-DD.")
            }
            levels[name] = Level(
                name: name, next: level.attribute("next"), entryAge: entryAge, years: years, cutoff: (cutoff[0], cutoff[1]),
                documents: level.children(named: "document").compactMap { document in
                    document.attribute("kind").map { ($0, ["true", "1"].contains(document.attribute("required") ?? "")) }
                })
        }
        return TransferRules(jurisdiction: jurisdiction, file: file, seed: source?.attribute("seed") ?? "",
                             paragraph: source?.attribute("paragraph") ?? "", levels: levels)
    }

    /// The rules of every jurisdiction that has a `transfer.xml` under `folder`.
    public static func loadAll(folder: URL, schemas: SchemaCatalog) throws(TransferError) -> [String: TransferRules] {
        let jurisdictions = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            .filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent("transfer.xml").path) }
        var rules: [String: TransferRules] = [:]
        for jurisdiction in jurisdictions { rules[jurisdiction] = try load(jurisdiction: jurisdiction, folder: folder, schemas: schemas) }
        return rules
    }
}
