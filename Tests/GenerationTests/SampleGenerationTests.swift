import Foundation
import Generation
import Testing
import XML

/// The sample cases generate the expected records, byte for byte, and an outsider
/// (xmllint) accepts every one.
@Suite struct SampleGenerationTests {
    let generator: RecordGenerator

    init() throws {
        generator = RecordGenerator(catalog: try SchemaCatalog(directory: Fixtures.schemas))
    }

    @Test func everySampleGeneratesAndXmllintAcceptsEachRecord() throws {
        let records = try generator.generate(from: Fixtures.sampleCases())
        #expect(records.count == 23)
        #expect(Set(records.map(\.kind)) == Set(try SchemaCatalog(directory: Fixtures.schemas).kinds), "every kind has a sample")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inclusio-samples-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try RecordWriter.write(records, to: folder)
        for kind in Set(records.map(\.kind)) {
            let ofKind = zip(records, files).filter { $0.0.kind == kind }.map(\.1)
            let result = try Fixtures.xmllint(schema: Fixtures.schemas.appendingPathComponent("\(kind).xsd"), files: ofKind)
            #expect(result.status == 0, "xmllint rejects \(kind): \(result.output)")
        }
    }

    @Test func recordsMatchTheHandCheckedFixturesByteForByte() throws {
        let records = try generator.generate(from: Fixtures.sampleCases())
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.data) })
        let folder = Fixtures.file("records")
        let fixtures = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "xml" }
        #expect(fixtures.count == 20)
        for fixture in fixtures {
            let expected = try Data(contentsOf: fixture)
            let id = try #require(try XMLTree(data: expected, file: fixture.lastPathComponent).rootElement().attribute("id"))
            #expect(byID[id] == expected, "\(fixture.lastPathComponent) differs from the record generated for \(id)")
        }
    }

    @Test func generationIsDeterministic() throws {
        let first = try generator.generate(from: Fixtures.sampleCases()).map(\.data)
        let second = try generator.generate(from: Fixtures.sampleCases()).map(\.data)
        #expect(first == second)
    }

    @Test func fileNamesCarryNoPersonalData() throws {
        for record in try generator.generate(from: Fixtures.sampleCases()) {
            #expect(record.fileName.wholeMatch(of: /[a-z-]+-[0-9a-f]{12}-v[0-9]+\.xml/) != nil, "\(record.fileName)")
        }
    }
}
