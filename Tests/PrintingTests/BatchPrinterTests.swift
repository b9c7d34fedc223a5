import Foundation
import Printing
import Records
import XML
import TestSupport
import Testing

/// The batch printer renders one PDF per record on every worker, reports each failure as a
/// value with its record, and writes a merged PDF only when every record prepares.
@Suite struct BatchPrinterTests {
    let batch: BatchPrinter

    init() throws {
        let catalog = try SchemaCatalog(directory: Run.project.appendingPathComponent("Schemas"))
        batch = BatchPrinter(printer: RecordPrinter(validator: RecordValidator(catalog: catalog),
                                                    forms: FormCatalog(directory: Run.project.appendingPathComponent("Forms"),
                                                                       jurisdictions: try ProjectJurisdictions.catalog())), workers: 2)
    }

    static func record(_ name: String) throws -> BatchPrinter.Input {
        BatchPrinter.Input(name: name, data: try Data(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures/records/" + name)))
    }

    /// A placement record whose birth date does not exist: it breaks its schema.
    static func broken() throws -> BatchPrinter.Input {
        let good = try record("CN-FJ-placement.xml")
        let text = String(decoding: good.data, as: UTF8.self).replacingOccurrences(of: "<birthDate>2020-03-08</birthDate>", with: "<birthDate>2020-02-30</birthDate>")
        #expect(text.utf8.count == good.data.count, "the fixture changed; update this test")
        return BatchPrinter.Input(name: "broken.xml", data: Data(text.utf8))
    }

    @Test func mergeWritesNothingWhenOneRecordFails() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("out/all.pdf")
        let result = try batch.printMerged([try Self.record("CN-FJ-placement.xml"), try Self.broken(), try Self.record("IT-MO-iep.xml")], into: url)
        guard case let .failure(refused) = result else { Issue.record("a merged PDF was written"); return }
        #expect(refused.failures.map(\.file) == ["broken.xml"])
        guard case let .failure(.record(error)) = refused.failures.first?.result else { Issue.record("not a record error"); return }
        #expect(error.diagnostics.contains { $0.field.hasSuffix("birthDate") }, "\(error)")
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(!FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path) || Run.files(in: url.deletingLastPathComponent()).isEmpty)
    }

    @Test func mergeGivesOnePDFOfEveryRecordInOrder() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("all.pdf")
        let result = try batch.printMerged([try Self.record("CN-FJ-placement.xml"), try Self.record("IT-MO-iep.xml")], into: url)
        let merged = try result.get()
        #expect(merged.records == 2 && merged.pages >= 2)
        #expect(try Data(contentsOf: url).starts(with: Data("%PDF-".utf8)))
    }

    @Test func eachRecordGetsItsPDFAndAFailureIsAValue() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = [try Self.record("CN-FJ-placement.xml"), try Self.broken(), try Self.record("IT-MO-iep.xml"), try Self.record("JP-11-placement.xml")]
        let counter = Counter()
        let outcomes = try batch.printEach(inputs, into: folder, advance: { counter.add() })
        #expect(outcomes.map(\.file) == inputs.map(\.name), "in input order")
        #expect(counter.value == inputs.count)
        let written = outcomes.compactMap { try? $0.result.get() }
        #expect(written.count == 3 && written.allSatisfy { ($0.pages ?? 0) >= 1 })
        #expect(Set(Run.files(in: folder)) == Set(written.map(\.output.lastPathComponent)), "no temporary left")
        guard case .failure(.record) = outcomes[1].result else { Issue.record("broken.xml was printed"); return }
    }
}

/// Counts calls from any thread.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
