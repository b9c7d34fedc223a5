import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `inclusio archive ingest` under stress, as the binary is run: two writers on one archive at
/// once, and writers killed with SIGKILL at different points of a batch. What an ingest printed
/// as filed must be there, byte for byte; `archive check` must find the archive sound after
/// every crash; and filing everything again afterwards must find what was filed before.
@Suite(.serialized) struct ArchiveCrashTests {
    // MARK: Two writers at once

    @Test func twoIngestsAtOnceBothSucceed() throws {
        let archive = try CrashArchive.make()
        defer { archive.remove() }
        let first = try archive.variants(tag: "A", count: 40)
        let second = try archive.variants(tag: "B", count: 40)
        try archive.expectValid(first.prefix(20) + second.prefix(20))

        let a = try Ingest(archive, files: first, name: "a")
        let b = try Ingest(archive, files: second, name: "b")
        let statusA = a.wait(timeout: 60), statusB = b.wait(timeout: 60)
        #expect(statusA == .exited(0), "\(a.stderr)")
        #expect(statusB == .exited(0), "\(b.stderr)")
        #expect(!a.stderr.contains("Error") && !b.stderr.contains("Error"), "\(a.stderr)\n\(b.stderr)")

        let filedA = try #require(Filed.parse(a.stdout)), filedB = try #require(Filed.parse(b.stdout))
        // Each printed one "filed as" line per input, for exactly its inputs, and nothing twice.
        Self.expectSame(filedA.filter(\.isNew).map(\.file), first, "first writer")
        Self.expectSame(filedB.filter(\.isNew).map(\.file), second, "second writer")
        let all = filedA + filedB
        #expect(all.count(where: { $0.isNew }) == Set(first + second).count)
        #expect(Set(all.map(\.document)).count == all.count, "two inputs were filed as the same document")
        #expect(all.allSatisfy { $0.version == 1 })
        // Records of one pupil, from either writer, went to one pupil (no pupil created twice).
        let pupils = archive.expectOnePupilPerFixture(all)

        let check = try archive.check()
        #expect(check.versions == all.count && check.pupils == pupils, "\(check.run.stdout)")

        // They really wrote at once: their transactions (logged under the write lock, in
        // commit order) interleave, rather than one writer's all before the other's.
        let writer = Dictionary(filedA.map { ($0.document, "a") } + filedB.map { ($0.document, "b") }, uniquingKeysWith: { first, _ in first })
        let order = try archive.loggedIngests().compactMap { writer[$0] }
        #expect(order.count == all.count)
        let turns = zip(order, order.dropFirst()).count(where: { $0 != $1 })
        #expect(turns >= 2, "the two ingests did not overlap: \(order.joined())")

        // A sample of each writer's documents comes back byte for byte.
        for filed in Self.sample(filedA, 5) + Self.sample(filedB, 5) { try archive.expectRetrievable(filed) }
    }

    // MARK: Writers killed mid-batch

    @Test func killedIngestsLeaveAConsistentArchive() throws {
        let archive = try CrashArchive.make()
        defer { archive.remove() }
        try archive.expectValid(try archive.variants(tag: "V", count: 20))

        /// Milliseconds before SIGKILL: during startup and login (~0.1 s here), then among blob
        /// writes and commits of a batch.
        let delays = [5, 15, 30, 60, 90, 120, 150, 190, 230, 280, 340, 400]
        var batchSize = 30
        var everything: [URL] = []
        var printedEarlier: [String: Filed] = [:]
        var versions = 0
        var midBatch = 0, killedAtAll = 0

        /// One round: a fresh batch, killed after `delay` ms or (with `afterLines`) once it has
        /// printed that many documents; then the archive is checked and what was printed fetched.
        func round(_ number: Int, delay: Int, afterLines: Int? = nil) throws {
            let batch = try archive.variants(tag: "R\(number)N", count: batchSize)
            everything += batch
            let ingest = try Ingest(archive, files: batch, name: "round\(number)")
            if let afterLines {
                ingest.waitForLines(afterLines, timeout: 30)
            } else {
                usleep(useconds_t(delay * 1000))
            }
            kill(ingest.process.processIdentifier, SIGKILL)
            let status = ingest.wait(timeout: 30)
            let context = "round \(number) (\(afterLines.map { "after \($0) lines" } ?? "\(delay) ms"), batch \(batchSize))"

            let printed = try #require(Filed.parse(ingest.stdout, completeLinesOnly: true), "\(context): \(ingest.stdout)")
            #expect(!ingest.stderr.contains("Error"), "\(context): \(ingest.stderr)")
            #expect(printed.allSatisfy { $0.isNew }, "\(context): fresh records reported as already filed")
            #expect(Set(printed.map(\.file)).count == printed.count, "\(context): a file printed twice")
            #expect(Set(printed.map(\.file)).isSubset(of: batch.map(\.path)), "\(context): printed a file it was not given")
            switch status {
            case .killed:
                killedAtAll += 1
                if !printed.isEmpty && printed.count < batch.count { midBatch += 1 }
            case .exited(let code):
                // Finished before the kill: everything filed. Bigger batches from now on, so
                // later kills still land mid-batch on a fast machine.
                #expect(code == 0 && printed.count == batch.count, "\(context): exit \(code)\n\(ingest.stderr)")
                batchSize = min(batchSize * 2, 160)
            case .timedOut:
                Issue.record("\(context): did not end after SIGKILL")
            }

            // Sound after the crash; leftovers are only notes.
            let check = try archive.check(context)
            // Every printed version committed; at most one version per file given.
            #expect(check.versions >= versions + printed.count && check.versions <= versions + batch.count,
                    "\(context): \(versions) versions before, \(printed.count) printed of \(batch.count), \(check.versions) now")
            versions = check.versions

            // What was printed as filed is there, byte for byte: always the last one printed.
            for filed in Self.sample(printed, 3) { try archive.expectRetrievable(filed, context) }
            for filed in printed { printedEarlier[filed.file] = filed }
        }

        for (number, delay) in delays.enumerated() { try round(number, delay: delay) }
        // Killed right after a commit was printed (the start of the next file), whatever the
        // machine's speed.
        try round(delays.count, delay: 0, afterLines: 3)
        try round(delays.count + 1, delay: 0, afterLines: 12)

        #expect(killedAtAll >= delays.count / 2, "most rounds should have been killed, not finished")
        #expect(midBatch >= 1, "no round was killed after filing some but not all of its batch")
        #expect(!printedEarlier.isEmpty)

        // Everything again, uninterrupted: what was printed before is found, not filed twice;
        // what a kill interrupted is filed now (or found, when it committed before printing).
        let again = try Ingest(archive, files: everything, name: "again")
        #expect(again.wait(timeout: 120) == .exited(0), "\(again.stderr)")
        let final = try #require(Filed.parse(again.stdout))
        Self.expectSame(final.map(\.file), everything, "filing everything again")
        let byFile = Dictionary(final.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        for (file, earlier) in printedEarlier {
            let now = byFile[file]
            #expect(now?.isNew == false && now?.document == earlier.document && now?.version == earlier.version,
                    "\(file): filed as \(earlier.document) v\(earlier.version) before the crash; now \(now.map { "\($0.isNew ? "filed" : "already filed") as \($0.document) v\($0.version)" } ?? "not reported")")
        }
        #expect(Set(final.map(\.document)).count == final.count, "two inputs were filed as the same document")
        let newNow = final.filter(\.isNew).count
        #expect(newNow == everything.count - versions, "\(versions) versions before, \(newNow) new of \(everything.count)")

        let pupils = archive.expectOnePupilPerFixture(final)
        let check = try archive.check("after filing everything again")
        #expect(check.versions == everything.count && check.pupils == pupils, "\(check.run.stdout)")
        for filed in Self.sample(final.filter(\.isNew), 3) { try archive.expectRetrievable(filed, "filed after the crashes") }
    }

    /// `printed` names each of `files` once and nothing else (differences named briefly).
    private static func expectSame(_ printed: [String], _ files: [URL], _ context: String) {
        let expected = Set(files.map(\.path)), got = Set(printed)
        let missing = expected.subtracting(got).map { URL(fileURLWithPath: $0).lastPathComponent }.sorted()
        let unexpected = got.subtracting(expected).sorted()
        #expect(missing.isEmpty && unexpected.isEmpty && printed.count == files.count,
                "\(context): \(printed.count) lines for \(files.count) files; not reported: \(missing.prefix(8))\(missing.count > 8 ? " and \(missing.count - 8) more" : ""); not given: \(unexpected.prefix(8))")
    }

    /// Up to `count` of `items`, spread out, always with the last one.
    private static func sample<T>(_ items: [T], _ count: Int) -> [T] {
        guard items.count > count else { return items }
        let step = Double(items.count - 1) / Double(count - 1)
        return (0..<count).map { items[Int((Double($0) * step).rounded())] }
    }
}

// MARK: - Helpers

/// A fresh archive with the demo policy, operator `office` enrolled with the test PKI's
/// certificate, and a folder for record variants.
private struct CrashArchive {
    let folder: URL
    let path: String
    let key: String

    var session: [String] { ["--path", path, "--as", "office", "--key", key, "--purpose", "filing"] }

    static func make() throws -> CrashArchive {
        let folder = try Run.temporaryFolder()
        let passphrase = folder.appendingPathComponent("ADMINPASS")
        try "admin pass\n".write(to: passphrase, atomically: true, encoding: .utf8)
        let archive = CrashArchive(folder: folder, path: folder.appendingPathComponent("archive").path, key: try TestPKI.file("office.key").path)
        let created = try Run.inclusio(["archive", "init", "--path", archive.path, "--admin-passphrase-file", passphrase.path])
        try #require(created.status == 0, "\(created.stderr)")
        let enrolled = try Run.inclusio(["archive", "enrol", "office", "--cert", try TestPKI.file("office.pem").path, "--path", archive.path,
                                         "--as", "admin", "--passphrase-file", passphrase.path])
        try #require(enrolled.status == 0, "\(enrolled.stderr)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("records"), withIntermediateDirectories: true)
        return archive
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// The fixture records (valid, of several pupils).
    static let fixtures: [URL] = {
        let folder = Run.project.appendingPathComponent("Tests/Fixtures/records")
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "xml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }()

    /// `count` distinct documents: fixture records in turn, each with `-<tag><n>` added to its
    /// record id (the root's `id`), so each is a new document of the fixture's pupil. Named
    /// `<fixture>-<tag><n>.xml`.
    func variants(tag: String, count: Int) throws -> [URL] {
        try #require(Self.fixtures.count >= 10, "the fixture records are missing")
        return try (0..<count).map { n in
            let fixture = Self.fixtures[n % Self.fixtures.count]
            let suffix = "-\(tag)\(n)"
            let text = try String(contentsOf: fixture, encoding: .utf8)
            // Each fixture has one id attribute, its root's.
            let marker = " id=\""
            try #require(text.components(separatedBy: marker).count == 2, "\(fixture.lastPathComponent): not exactly one id attribute")
            let start = try #require(text.range(of: marker))
            let end = try #require(text[start.upperBound...].firstIndex(of: "\""))
            let id = text[start.upperBound..<end] + suffix
            try #require(id.count <= 64)
            let url = folder.appendingPathComponent("records/\(fixture.deletingPathExtension().lastPathComponent)\(suffix).xml")
            try Data((text[..<end] + suffix + text[end...]).utf8).write(to: url)
            return url
        }
    }

    /// `inclusio validate` accepts the variants.
    func expectValid(_ files: some Collection<URL>) throws {
        let run = try Run.inclusio(["validate"] + files.map(\.path))
        #expect(run.status == 0 && run.stdout.contains("\(files.count) valid, 0 invalid."), "\(run.stdout)\n\(run.stderr)")
    }

    /// The fixture a variant was made from.
    static func fixture(of file: String) -> String {
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return String(name[..<(name.range(of: "-", options: .backwards)?.lowerBound ?? name.endIndex)])
    }

    /// Every variant of one fixture record went to the same pupil; returns how many pupils.
    func expectOnePupilPerFixture(_ filed: [Filed]) -> Int {
        let byFixture = Dictionary(grouping: filed, by: { Self.fixture(of: $0.file) }).mapValues { Set($0.map(\.pupil)) }
        for (fixture, pupils) in byFixture where pupils.count != 1 {
            Issue.record("variants of \(fixture) were filed for \(pupils.count) pupils: \(pupils.sorted())")
        }
        return Set(filed.map(\.pupil)).count
    }

    /// `archive check` (no credentials): must pass; problems fail the test, notes do not.
    func check(_ context: String = "") throws -> (run: Run, pupils: Int, versions: Int) {
        let run = try Run.inclusio(["archive", "check", "--path", path])
        #expect(run.status == 0 && run.stdout.contains("The archive is sound.") && !run.stderr.contains("Problem"),
                "\(context): archive check failed\n\(run.stdout)\n\(run.stderr)")
        // "N pupils, M document versions."
        let counts = run.stdout.split(separator: "\n").first?.split(separator: " ").compactMap { Int($0) } ?? []
        #expect(counts.count == 2, "\(context): \(run.stdout)")
        return (run, counts.first ?? -1, counts.dropFirst().first ?? -1)
    }

    /// The documents of the access log's ingest entries, in order.
    func loggedIngests() throws -> [String] {
        let log = try String(contentsOfFile: path + "/log/access.jsonl", encoding: .utf8)
        return try log.split(separator: "\n").compactMap { line in
            let entry = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return entry?["action"] as? String == "ingest" ? entry?["document"] as? String : nil
        }
    }

    /// `archive get` writes the version printed as filed, identical to the file ingested.
    func expectRetrievable(_ filed: Filed, _ context: String = "") throws {
        let output = folder.appendingPathComponent("got-\(UUID().uuidString).xml")
        let run = try Run.inclusio(["archive", "get", filed.document, "--version", "\(filed.version)", "-o", output.path] + session)
        #expect(run.status == 0, "\(context): \(filed.document) v\(filed.version) of \(filed.file) was printed as filed but cannot be fetched: \(run.stderr)")
        guard run.status == 0 else { return }
        let got = try Data(contentsOf: output), source = try Data(contentsOf: URL(fileURLWithPath: filed.file))
        #expect(got == source, "\(context): \(filed.document) v\(filed.version) differs from \(filed.file)")
        try? FileManager.default.removeItem(at: output)
    }
}

/// One `inclusio archive ingest` running in the background, its output going to files.
private final class Ingest {
    enum Status: Equatable { case exited(Int32), killed(Int32), timedOut }

    let process = Process()
    let out: URL, err: URL

    init(_ archive: CrashArchive, files: [URL], name: String) throws {
        out = archive.folder.appendingPathComponent("\(name).out")
        err = archive.folder.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.executableURL = Run.inclusio
        process.arguments = ["archive", "ingest"] + files.map(\.path) + archive.session
        process.currentDirectoryURL = Run.project
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
    }

    var stdout: String { String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self) }
    var stderr: String { String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self) }

    /// Polls until the process has ended (a timed-out process is killed).
    func wait(timeout: TimeInterval) -> Status {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return .timedOut
            }
            usleep(2000)
        }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? .killed(process.terminationStatus) : .exited(process.terminationStatus)
    }

    /// Polls stdout until it holds `count` complete lines or the process ended.
    func waitForLines(_ count: Int, timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            if ((try? Data(contentsOf: out)) ?? Data()).count(where: { $0 == 0x0A }) >= count { return }
            usleep(500)
        }
    }
}

/// One line of `archive ingest`: "<file>: filed as D-… vN (kind) for pupil P-…" (or "already filed as").
private struct Filed: Equatable {
    let file: String
    let isNew: Bool
    let document: String
    let version: Int
    let kind: String
    let pupil: String

    /// Every line of `output`; `nil` when one is not such a line. With `completeLinesOnly`, a
    /// last line without its newline (a process killed while printing it) is left out.
    static func parse(_ output: String, completeLinesOnly: Bool = false) -> [Filed]? {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() } else if completeLinesOnly, !lines.isEmpty { lines.removeLast() }
        var parsed: [Filed] = []
        for line in lines {
            guard let filed = Filed(line) else { return nil }
            parsed.append(filed)
        }
        return parsed
    }

    init?(_ line: Substring) {
        let isNew: Bool
        let marker: Range<Substring.Index>
        if let found = line.range(of: ": already filed as ") {
            (isNew, marker) = (false, found)
        } else if let found = line.range(of: ": filed as ") {
            (isNew, marker) = (true, found)
        } else {
            return nil
        }
        let words = line[marker.upperBound...].split(separator: " ")
        guard words.count == 6, words[0].hasPrefix("D-"), words[1].hasPrefix("v"), let version = Int(words[1].dropFirst()),
              words[2].hasPrefix("("), words[2].hasSuffix(")"), words[3] == "for", words[4] == "pupil", words[5].hasPrefix("P-") else { return nil }
        self.file = String(line[..<marker.lowerBound])
        self.isNew = isNew
        self.document = String(words[0])
        self.version = version
        self.kind = String(words[2].dropFirst().dropLast())
        self.pupil = String(words[5])
    }
}
