/// Escaping text for XML output.
public enum XMLText {
    /// `text` with `&`, `<`, `>` (and `"` in an attribute) escaped; CR LF and lone CR become
    /// one line break (`&#10;` in an attribute, where a raw break would be normalised away).
    /// Characters XML 1.0 cannot hold are the caller's to reject before.
    public static func escaped(_ text: String, attribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { afterCarriageReturn = scalar == "\r" }
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\n" where afterCarriageReturn: continue   // CR LF is one line break
            case "\n", "\r": result += attribute ? "&#10;" : "\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
