import Archive
import Audit
import AuditLog
import Foundation
import Testing
import TestSupport

/// The chart counts accesses per local day and operator, with empty days shown, and draws a real PNG.
@Suite struct AccessChartTests {
    @Test func countsPerLocalDayAndOperatorWithEmptyDaysKept() throws {
        let labels = try ReportLabels.load(ProjectJurisdictions.catalog().jurisdiction("CN-FJ"), forms: Run.project.appendingPathComponent("Forms"))
        func event(_ time: String, _ op: String, pupil: String = "P-1") -> AccessEvent {
            var event = AccessEvent(operatorId: op, role: "r", organisation: "o", action: "read", pupil: pupil, purpose: "p", outcome: .granted)
            event.time = time
            return event
        }
        // 23:30 UTC on the 1st is the 2nd in Shanghai (UTC+8).
        let trail = AuditTrail(events: [event("2026-03-01T23:30:00.000Z", "b"), event("2026-03-02T01:00:00.000Z", "a"),
                                        event("2026-03-02T02:00:00.000Z", "a"), event("2026-03-04T03:00:00.000Z", "b", pupil: "P-2")],
                               pupils: [:], kinds: [:])
        let chart = try AccessChart.perDayAndOperator(trail, pupil: nil, since: nil, labels: labels)
        #expect(chart.categories == ["03-02", "03-03", "03-04"])
        #expect(chart.series.map(\.name) == ["a", "b"])
        #expect(chart.series.map(\.values) == [[2, 0, 0], [1, 0, 1]])
        #expect(try AccessChart.perDayAndOperator(trail, pupil: "P-2", since: nil, labels: labels).series.map(\.values) == [[1]])
        #expect(try AccessChart.perDayAndOperator(trail, pupil: nil, since: "2026-03-04", labels: labels).categories == ["03-04"])

        let png = try chart.png(width: 640, height: 360)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let folder = try Run.temporaryFolder()
        try png.write(to: folder.appendingPathComponent("chart.png"))
        // Python reads the PNG header as an outsider: 640 × 360.
        let size = try Run.program("python3", ["-c", "import struct,sys; d=open(sys.argv[1],'rb').read(); print(*struct.unpack('>II', d[16:24]))",
                                               folder.appendingPathComponent("chart.png").path])
        #expect(size.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "640 360")
    }
}
