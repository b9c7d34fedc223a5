import Foundation
import TestSupport
import Testing
import Transfer
import XML

/// The required sets of `Rules/`, read as data: who graduates when, what travels, what is required.
@Suite struct TransferRulesTests {
    private let rulesFolder = Run.project.appendingPathComponent("Rules")
    private func schemas() throws -> SchemaCatalog { try SchemaCatalog(directory: Run.project.appendingPathComponent("Schemas/transfer")) }

    @Test func everyJurisdictionHasItsRuleWithItsSeed() throws {
        let rules = try TransferRules.loadAll(folder: rulesFolder, schemas: try schemas())
        #expect(Set(rules.keys) == ["CN-FJ", "IT-MO", "JP-11"])
        let primary = try #require(rules["IT-MO"]?.levels["scuola primaria"])
        // Seed 003 Art. 8 A.3: certificate, information sheet, functional diagnosis, profile, PEI.
        #expect(primary.requiredKinds == ["certificate", "information-sheet", "functional-diagnosis", "functional-profile", "iep"])
        #expect(rules["IT-MO"]?.paragraph == "Art. 8 A.3" && rules["CN-FJ"]?.seed == "000")
        #expect(rules["JP-11"]?.levels["小学校"]?.requiredKinds == ["placement", "iep"])
    }

    /// The birthday cut-off decides the cohort: JP 1 April, CN 31 August, IT 31 December.
    @Test(arguments: [
        ("JP-11", "小学校", "2019-04-01", 2031), ("JP-11", "小学校", "2019-04-02", 2032),
        ("CN-FJ", "小学", "2018-08-31", 2030), ("CN-FJ", "小学", "2018-11-20", 2031),
        ("IT-MO", "scuola primaria", "2020-02-17", 2031), ("IT-MO", "scuola primaria", "2020-12-31", 2031),
        ("IT-MO", "scuola secondaria di primo grado", "2013-05-09", 2027),
    ])
    func graduationYearFollowsTheCutoff(jurisdiction: String, level: String, birth: String, year: Int) throws {
        let rules = try TransferRules.load(jurisdiction: jurisdiction, folder: rulesFolder, schemas: try schemas())
        #expect(rules.levels[level]?.graduationYear(birthDate: birth) == year)
    }

    @Test func aBrokenRuleIsRefusedWithItsLine() throws {
        let folder = try Run.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("IT-MO"), withIntermediateDirectories: true)
        let text = try String(contentsOf: rulesFolder.appendingPathComponent("IT-MO/transfer.xml"), encoding: .utf8)
            .replacingOccurrences(of: "cutoff=\"12-31\"", with: "cutoff=\"31-12\"")
        try text.write(to: folder.appendingPathComponent("IT-MO/transfer.xml"), atomically: true, encoding: .utf8)
        let error = #expect(throws: TransferError.self) { try TransferRules.load(jurisdiction: "IT-MO", folder: folder, schemas: try schemas()) }
        #expect(error?.description.contains("Rules/IT-MO/transfer.xml is not a valid transfer rule") == true)
        #expect(error?.description.contains("cutoff") == true, "\(String(describing: error))")
        let missing = #expect(throws: TransferError.self) { try TransferRules.load(jurisdiction: "CN-FJ", folder: folder, schemas: try schemas()) }
        #expect(missing?.description.contains("Rules/CN-FJ/transfer.xml") == true)
    }
}
