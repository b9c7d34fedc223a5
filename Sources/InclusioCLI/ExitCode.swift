/// Process exit statuses, after BSD `sysexits.h`.
public enum ExitCode: Int32, Sendable {
    case success = 0
    case failure = 1
    case usage = 64
    case dataError = 65
    case noInput = 66
    case software = 70
    case cantCreate = 73
    case noPermission = 77
    case config = 78
}
