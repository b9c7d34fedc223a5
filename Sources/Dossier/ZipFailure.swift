internal import CLibZip

/// A libzip failure: its `ZIP_ER_*` code and libzip's words for it.
struct ZipFailure: Error {
    let code: Int32
    let message: String

    /// The failure recorded in `error`.
    init(_ error: UnsafeMutablePointer<zip_error_t>) {
        code = zip_error_code_zip(error)
        message = String(cString: zip_error_strerror(error))
    }

    /// The failure for a bare `code`, as `zip_open` reports it.
    init(code: Int32) {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        self.init(&error)
    }

    /// The file is missing or cannot be opened (rather than damaged).
    var isUnopenable: Bool { code == ZIP_ER_NOENT || code == ZIP_ER_OPEN }

    /// The password was missing or wrong.
    var isPassword: Bool { code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_NOPASSWD }
}
