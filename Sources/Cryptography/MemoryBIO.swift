internal import COpenSSL
import Foundation

/// OpenSSL memory BIOs: Swift bytes in, Swift bytes out.
enum MemoryBIO {
    /// Runs `body` with a read-only BIO over `data`; the BIO does not outlive the call.
    static func reading<T>(_ data: Data, _ body: (OpaquePointer) throws(CryptographyError) -> T) throws(CryptographyError) -> T {
        let result: Result<T, CryptographyError> = data.withUnsafeBytes { bytes in
            // BIO_new_mem_buf does not copy: the BIO only lives inside this closure.
            guard let bio = BIO_new_mem_buf(bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count)) else {
                return .failure(.library(.drain("BIO_new_mem_buf")))
            }
            defer { BIO_free(bio) }
            do throws(CryptographyError) { return .success(try body(bio)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Runs `write` with an empty memory BIO and returns what it wrote.
    static func writing(_ function: String, _ write: (OpaquePointer) -> Int32) throws(CryptographyError) -> Data {
        guard let bio = BIO_new(BIO_s_mem()) else { throw .library(.drain("BIO_new")) }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw .library(.drain(function)) }
        return contents(of: bio)
    }

    /// Everything written into the memory BIO `bio` so far.
    static func contents(of bio: OpaquePointer) -> Data {
        var pointer: UnsafeMutablePointer<CChar>?
        let length = inclusio_BIO_get_mem_data(bio, &pointer)
        guard let pointer, length > 0 else { return Data() }
        return Data(bytes: pointer, count: length)
    }
}
