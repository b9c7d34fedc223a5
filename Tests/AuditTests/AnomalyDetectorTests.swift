import Archive
import Audit
import AuditLog
import Foundation
import Testing

/// Each anomaly rule at its boundaries, on a made-up log in Rome's time zone.
@Suite struct AnomalyDetectorTests {
    let zone = TimeZone(identifier: "Europe/Rome")!

    /// An entry at local time `local` (`yyyy-MM-dd HH:mm`, Rome) by `op`.
    func event(_ sequence: Int, _ local: String, _ op: String = "head", _ action: String = "read", pupil: String? = "P-1",
               outcome: AccessEvent.Outcome = .granted) -> AccessEvent {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let utc = ISO8601DateFormatter()
        utc.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var event = AccessEvent(operatorId: op, role: "school-head", organisation: "o", action: action, pupil: pupil, purpose: "p", outcome: outcome)
        event.sequence = sequence
        event.time = utc.string(from: formatter.date(from: local)!)
        return event
    }

    func findings(_ events: [AccessEvent], pupils: [String: PupilPlace] = [:], rules: AnomalyRules = AnomalyRules()) -> [Anomaly] {
        AnomalyDetector(rules: rules, zone: zone).findings(in: AuditTrail(events: events, pupils: pupils, kinds: [:]))
    }

    @Test func officeHoursAreSevenToBeforeNineteenOnWeekdays() {
        // 2026-11-23 is a Monday; 2026-11-28 a Saturday. Winter time in Rome is UTC+1.
        let found = findings([event(1, "2026-11-23 06:59"), event(2, "2026-11-23 07:00"), event(3, "2026-11-23 18:59"),
                              event(4, "2026-11-23 19:00"), event(5, "2026-11-28 10:00"),
                              event(6, "2026-11-23 23:00", pupil: nil), event(7, "2026-11-23 23:00", outcome: .denied)])
        #expect(found.filter { $0.kind == .outsideOfficeHours }.map(\.entries) == [[1], [4], [5]])
        #expect(found.first?.localTime == "2026-11-23 06:59")
    }

    @Test func bulkReadsAreMoreThanTheThresholdOfPupilsWithinTheWindow() {
        var rules = AnomalyRules()
        rules.bulkReads = 3
        let four = (1...4).map { event($0, "2026-11-23 10:0\($0)", pupil: "P-\($0)") }
        #expect(findings(four, rules: rules).filter { $0.kind == .bulkReads }.map(\.entries) == [[1, 2, 3, 4]])
        let three = (1...3).map { event($0, "2026-11-23 10:0\($0)", pupil: "P-\($0)") } + [event(4, "2026-11-23 10:05", pupil: "P-1")]
        #expect(findings(three, rules: rules).filter { $0.kind == .bulkReads }.isEmpty, "the same pupil twice is one pupil")
        let spread = (1...4).map { event($0, "2026-11-23 1\($0):00", pupil: "P-\($0)") }
        #expect(findings(spread, rules: rules).filter { $0.kind == .bulkReads }.isEmpty, "four pupils over four hours")
    }

    @Test func repeatedDenialsAreCountedPerOperatorAndLocalDay() {
        let denied = [event(1, "2026-11-23 09:00", outcome: .denied), event(2, "2026-11-23 10:00", "head", "login", pupil: nil, outcome: .denied),
                      event(3, "2026-11-23 11:00", outcome: .denied), event(4, "2026-11-24 09:00", "other", outcome: .denied)]
        #expect(findings(denied).filter { $0.kind == .repeatedDenials }.map(\.entries) == [[1, 2, 3]])
        #expect(findings(Array(denied.prefix(2))).filter { $0.kind == .repeatedDenials }.isEmpty)
        let acrossMidnight = [event(1, "2026-11-23 18:00", outcome: .denied), event(2, "2026-11-23 18:30", outcome: .denied),
                              event(3, "2026-11-24 08:00", outcome: .denied)]
        #expect(findings(acrossMidnight).filter { $0.kind == .repeatedDenials }.isEmpty)
    }

    @Test func aSchoolOutsideAnEstablishedHistoryIsFlagged() {
        var rules = AnomalyRules()
        rules.usualSchoolsBaseline = 3
        let places = ["P-A": PupilPlace(jurisdiction: "IT-MO", schoolCode: "MOIC80000X", schoolName: nil),
                      "P-B": PupilPlace(jurisdiction: "IT-MO", schoolCode: "MOIC80100R", schoolName: nil)]
        let early = [event(1, "2026-11-23 09:00", pupil: "P-A"), event(2, "2026-11-23 09:10", pupil: "P-B")]
        #expect(findings(early, pupils: places, rules: rules).filter { $0.kind == .unusualSchool }.isEmpty, "no history yet")
        let settled = (1...3).map { event($0, "2026-11-23 09:0\($0)", pupil: "P-A") } + [event(4, "2026-11-23 10:00", pupil: "P-B")]
        #expect(findings(settled, pupils: places, rules: rules).filter { $0.kind == .unusualSchool }.map(\.entries) == [[4]])
    }
}
