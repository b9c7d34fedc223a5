import Foundation
import TestSupport
import Testing

@Suite struct UsageTests {
    @Test func misspelledOptionSuggestsTheRightOne() throws {
        let run = try Run.inclusio(["generate", "--outptu", "x", "Samples/cases"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("Error: Unknown option '--outptu'. Did you mean '--output'?"))
        #expect(run.stderr.contains("Usage: inclusio generate"))
    }

    @Test func helpGoesToStdoutWithStatusZero() throws {
        let viaHelp = try Run.inclusio(["help", "generate"])
        let viaFlag = try Run.inclusio(["generate", "--help"])
        #expect(viaHelp.status == 0 && viaFlag.status == 0)
        #expect(viaHelp.stdout == viaFlag.stdout)
        #expect(viaHelp.stdout.contains("USAGE: inclusio generate"))
    }

    @Test func unknownCommandAndMissingInputAreUsageErrors() throws {
        #expect(try Run.inclusio(["genrate"]).status == 64)
        #expect(try Run.inclusio(["validate"]).status == 64)
        let missing = try Run.inclusio(["generate", "no-such-case.json"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no-such-case.json: cannot be read"))
    }
}
