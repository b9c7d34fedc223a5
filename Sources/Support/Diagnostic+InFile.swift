extension Diagnostic {
    /// The diagnostic as a line under a message that already names its file:
    /// `line 12 pupil/birthDate: message` (what is unknown left out).
    ///
    /// The form record, schema and stylesheet errors have always listed their problems in;
    /// ``description`` adds the file and separates every part with a colon.
    public var descriptionInFile: String {
        let where_ = [place, field].filter { !$0.isEmpty }
        return where_.isEmpty ? message : where_.joined(separator: " ") + ": " + message
    }
}
