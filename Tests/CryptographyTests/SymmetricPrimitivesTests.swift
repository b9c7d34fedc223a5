import Cryptography
import Foundation
import TestSupport
import Testing

/// Known-answer vectors from the standards (re-checked with `openssl kdf` / `openssl dgst` and
/// Python's `cryptography`), plus the refusals each primitive owes.
@Suite struct SymmetricPrimitivesTests {
    // MARK: SymmetricKey

    @Test func aKeyIs32BytesAndNeverPrintsThem() throws {
        let key = try SymmetricKey.random()
        #expect(key.bytes.count == 32)
        #expect(try SymmetricKey.random() != key)
        #expect(try SymmetricKey(bytes: key.bytes) == key)
        let shown = ["\(key)", String(describing: key), String(reflecting: key), "\([key])", dumped(key)]
        for text in shown {
            #expect(text.contains("SymmetricKey(256 bits)"), "\(text)")
            #expect(!text.contains(key.bytes.hexadecimal) && !text.contains("bytes"), "\(text)")
        }
    }

    @Test func aKeyOfAnotherLengthIsRefused() throws {
        for length in [0, 16, 31, 33, 64] {
            let error = #expect(throws: CryptographyError.self) { _ = try SymmetricKey(bytes: Data(count: length)) }
            guard case let .invalidKeyLength(bytes) = error else { Issue.record("\(length): \(String(describing: error))"); continue }
            #expect(bytes == length)
        }
        // A slice of a larger buffer is a fine source, and the key is indexed from 0.
        let buffer = Data((0..<40).map { UInt8($0) })
        let key = try SymmetricKey(bytes: buffer[4..<36])
        #expect(key.bytes.startIndex == 0 && key.bytes == Data((4..<36).map { UInt8($0) }))
    }

    // MARK: AES-256-GCM

    /// McGrew & Viega, "The Galois/Counter Mode of Operation", test cases 15 (no AAD) and 16 (AAD).
    @Test func aesGCMMatchesGCMSpecTestCases15And16() throws {
        let key = try SymmetricKey(bytes: hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"))
        let nonce = hex("cafebabefacedbaddecaf888")
        let plaintext = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255")
        let ciphertext = hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad")

        let case15 = try AESGCM.seal(plaintext, key: key, nonce: nonce, associatedData: Data())
        #expect(case15 == nonce + ciphertext + hex("b094dac5d93471bdec1a502270e3cc6c"))
        #expect(try AESGCM.open(case15, key: key, associatedData: Data()) == plaintext)

        let associatedData = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
        let case16 = try AESGCM.seal(plaintext.prefix(60), key: key, nonce: nonce, associatedData: associatedData)
        #expect(case16 == nonce + ciphertext.prefix(60) + hex("76fc6ece0f4e1768cddf8853bb2d551b"))
        #expect(try AESGCM.open(case16, key: key, associatedData: associatedData) == plaintext.prefix(60))
    }

    /// Test cases 13 (empty plaintext) and 14 (one zero block), all-zero key and nonce.
    @Test func aesGCMMatchesGCMSpecTestCases13And14() throws {
        let key = try SymmetricKey(bytes: Data(count: 32))
        let nonce = Data(count: 12)
        let case13 = try AESGCM.seal(Data(), key: key, nonce: nonce, associatedData: Data())
        #expect(case13 == nonce + hex("530f8afbc74536b9a963b4f1c4cb738b"))
        #expect(try AESGCM.open(case13, key: key, associatedData: Data()) == Data())
        let case14 = try AESGCM.seal(Data(count: 16), key: key, nonce: nonce, associatedData: Data())
        #expect(case14 == nonce + hex("cea7403d4d606b6e074ec5d3baf39d18") + hex("d0d1c8a799996bf0265b98b5d48ab919"))
    }

    @Test func aesGCMRoundTripsWithAFreshNonceEachTime() throws {
        let key = try SymmetricKey.random()
        let record = Data("pupil 4711".utf8)
        for plaintext in [Data(), Data("x".utf8), Data("Förderplan, Stand März".utf8), try SecureRandom.bytes(100_000)] {
            let sealed = try AESGCM.seal(plaintext, key: key, associatedData: record)
            #expect(sealed.count == plaintext.count + AESGCM.overhead)
            #expect(try AESGCM.open(sealed, key: key, associatedData: record) == plaintext)
            let again = try AESGCM.seal(plaintext, key: key, associatedData: record)
            #expect(again.prefix(AESGCM.nonceByteCount) != sealed.prefix(AESGCM.nonceByteCount), "a fresh nonce for every seal")
        }
        #expect(AESGCM.overhead == 28)
    }

    @Test func aesGCMOpensASliceOfALargerBuffer() throws {
        let key = try SymmetricKey.random()
        let sealed = try AESGCM.seal(Data("note".utf8), key: key, associatedData: Data())
        let file = Data("header".utf8) + sealed + Data("trailer".utf8)
        let slice = file[6..<(6 + sealed.count)]
        #expect(try AESGCM.open(slice, key: key, associatedData: Data()) == Data("note".utf8))
    }

    @Test func aesGCMRefusesEveryChangedByte() throws {
        let key = try SymmetricKey.random()
        let record = Data("pupil 4711".utf8)
        let sealed = try AESGCM.seal(Data("Nachteilsausgleich".utf8), key: key, associatedData: record)
        var opened: [String] = []
        for position in 0..<sealed.count {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var changed = sealed
                changed[position] ^= mask
                if !failsAuthentication({ () throws(CryptographyError) in try AESGCM.open(changed, key: key, associatedData: record) }) {
                    opened.append("byte \(position) ^ \(mask)")
                }
            }
        }
        #expect(opened.isEmpty, "changed data that still opened: \(opened)")
    }

    @Test func aesGCMRefusesTheWrongKeyOrAssociatedData() throws {
        let key = try SymmetricKey.random()
        let sealed = try AESGCM.seal(Data("Gutachten".utf8), key: key, associatedData: Data("pupil 4711".utf8))
        let otherKey = try SymmetricKey.random()
        #expect(failsAuthentication { () throws(CryptographyError) in try AESGCM.open(sealed, key: otherKey, associatedData: Data("pupil 4711".utf8)) })
        #expect(failsAuthentication { () throws(CryptographyError) in try AESGCM.open(sealed, key: key, associatedData: Data("pupil 4712".utf8)) })
        #expect(failsAuthentication { () throws(CryptographyError) in try AESGCM.open(sealed, key: key, associatedData: Data()) })
        let error = #expect(throws: CryptographyError.self) { _ = try AESGCM.open(sealed, key: otherKey, associatedData: Data()) }
        #expect(error?.description == "The stored data does not match its seal: it was changed, damaged, or belongs elsewhere.")
    }

    @Test func aesGCMRefusesDataCutShort() throws {
        let key = try SymmetricKey.random()
        let sealed = try AESGCM.seal(Data("Gutachten".utf8), key: key, associatedData: Data())
        for length in 0..<sealed.count {
            #expect(failsAuthentication { () throws(CryptographyError) in try AESGCM.open(sealed.prefix(length), key: key, associatedData: Data()) },
                    "\(length) of \(sealed.count) bytes")
        }
        #expect(failsAuthentication { () throws(CryptographyError) in try AESGCM.open(sealed + Data([0]), key: key, associatedData: Data()) })
    }

    // MARK: HMAC-SHA-256

    /// RFC 4231 §4.2, §4.3 and §4.7 (a 131-byte key, longer than a SHA-256 block).
    @Test func hmacMatchesRFC4231TestCases1_2And6() {
        #expect(HMACSHA256.authenticationCode(for: Data("Hi There".utf8), key: Data(repeating: 0x0b, count: 20))
            == hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"))
        #expect(HMACSHA256.authenticationCode(for: Data("what do ya want for nothing?".utf8), key: Data("Jefe".utf8))
            == hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"))
        #expect(HMACSHA256.authenticationCode(for: Data("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                                              key: Data(repeating: 0xaa, count: 131))
            == hex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"))
    }

    @Test func hmacTakesAnEmptyKeyAndMessageAndChecksCodes() {
        let empty = HMACSHA256.authenticationCode(for: Data(), key: Data())
        #expect(empty == hex("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"))
        let message = [UInt8]("Hi There".utf8)
        let code = HMACSHA256.authenticationCode(for: message, key: Data("k".utf8))
        #expect(HMACSHA256.isValid(code, for: message, key: Data("k".utf8)))
        #expect(!HMACSHA256.isValid(code, for: message, key: Data("K".utf8)))
        #expect(!HMACSHA256.isValid(code.prefix(16), for: message, key: Data("k".utf8)))
    }

    /// The precomputed-state verifier agrees with RFC 4231 §4.3's code for a 32-byte key (test case 1's
    /// message under a key made of its code), split anywhere, and refuses a flipped bit.
    @Test func hmacVerifierFromPrecomputedStatesAgreesWithTheOneShotCode() throws {
        let key = try SymmetricKey(bytes: hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"))
        let message = [UInt8]("what do ya want for nothing? and a little more".utf8)
        var code = [UInt8](HMACSHA256.authenticationCode(for: message, key: key.bytes))
        let verifier = HMACSHA256Verifier(key: key)
        for split in [0, 1, 17, message.count] {
            let valid = message.withUnsafeBytes { bytes in
                code.withUnsafeBytes { verifier.isValid($0.baseAddress!, for: UnsafeRawBufferPointer(rebasing: bytes[..<split]), UnsafeRawBufferPointer(rebasing: bytes[split...])) }
            }
            #expect(valid, "split at \(split)")
        }
        code[31] ^= 1
        let flipped = message.withUnsafeBytes { bytes in code.withUnsafeBytes { verifier.isValid($0.baseAddress!, for: bytes, UnsafeRawBufferPointer(start: nil, count: 0)) } }
        #expect(!flipped)
    }

    /// SHA-256 of a prefix byte and two pieces, into a buffer, is SHA-256 of their concatenation.
    @Test func prefixedDigestIsTheDigestOfTheConcatenation() {
        let first = [UInt8]("leaf or left".utf8), second = [UInt8](repeating: 7, count: 100)
        var out = [UInt8](repeating: 0, count: 32)
        first.withUnsafeBytes { a in second.withUnsafeBytes { b in out.withUnsafeMutableBytes { SHA256.digest(prefix: 1, a, b, into: $0.baseAddress!) } } }
        #expect(Data(out) == SHA256.digest(Data([1] + first + second)))
        first.withUnsafeBytes { a in out.withUnsafeMutableBytes { SHA256.digest(prefix: 0, a, into: $0.baseAddress!) } }
        #expect(Data(out) == SHA256.digest(Data([0] + first)))
    }

    // MARK: HKDF-SHA-256

    /// RFC 5869 §A.1 (salt and info) and §A.3 (both empty).
    @Test func hkdfMatchesRFC5869TestCases1And3() throws {
        let ikm = Data(repeating: 0x0b, count: 22)
        let case1 = try HKDF.deriveKey(from: ikm, salt: hex("000102030405060708090a0b0c"), info: hex("f0f1f2f3f4f5f6f7f8f9"), length: 42)
        #expect(case1 == hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"))
        let case3 = try HKDF.deriveKey(from: ikm, salt: Data(), info: Data(), length: 42)
        #expect(case3 == hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"))
    }

    @Test func hkdfSubkeysDependOnTheLabel() throws {
        let master = try SymmetricKey.random()
        let index = try HKDF.deriveKey(from: master, info: "inclusio index v1")
        #expect(try index == HKDF.deriveKey(from: master, info: "inclusio index v1"))
        #expect(try index != HKDF.deriveKey(from: master, info: "inclusio content v1"))
        #expect(index != master)
        #expect(index.bytes == (try HKDF.deriveKey(from: master.bytes, salt: Data(), info: Data("inclusio index v1".utf8))))
    }

    @Test func hkdfRefusesLengthsAndInputsOutOfRange() {
        for (ikm, info, length) in [(Data([1]), Data(), 0), (Data([1]), Data(), 255 * 32 + 1), (Data(), Data(), 32),
                                    (Data([1]), Data(count: HKDF.maximumInfoLength + 1), 32)] {
            let error = #expect(throws: CryptographyError.self) { _ = try HKDF.deriveKey(from: ikm, salt: Data(), info: info, length: length) }
            guard case .invalidKeyDerivationParameters = error else { Issue.record("\(String(describing: error))"); continue }
        }
        #expect((try? HKDF.deriveKey(from: Data([1]), salt: Data(), info: Data(), length: 255 * 32))?.count == 255 * 32)
        let longLabel = String(repeating: "x", count: HKDF.maximumInfoLength + 1)
        let error = #expect(throws: CryptographyError.self) { _ = try HKDF.deriveKey(from: SymmetricKey(bytes: Data(count: 32)), info: longLabel) }
        guard case .invalidKeyDerivationParameters = error else { Issue.record("\(String(describing: error))"); return }
    }

    // MARK: scrypt

    /// RFC 7914 §12, all three vectors that fit the memory limit.
    @Test func scryptMatchesRFC7914() throws {
        let empty = try Scrypt.deriveKey(passphrase: Data(), salt: Data(), parameters: ScryptParameters(n: 16, r: 1, p: 1), length: 64)
        #expect(empty == hex("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
            + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"))
        let password = try Scrypt.deriveKey(passphrase: Data("password".utf8), salt: Data("NaCl".utf8),
                                            parameters: ScryptParameters(n: 1024, r: 8, p: 16), length: 64)
        #expect(password == hex("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
            + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"))
        let sodium = try Scrypt.deriveKey(passphrase: Data("pleaseletmein".utf8), salt: Data("SodiumChloride".utf8),
                                          parameters: ScryptParameters(n: 16_384, r: 8, p: 1), length: 64)
        #expect(sodium == hex("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
            + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"))
    }

    @Test func scryptInteractiveParametersWork() throws {
        #expect(ScryptParameters.interactive == ScryptParameters(n: 32_768, r: 8, p: 1))
        let salt = try SecureRandom.bytes(16)
        let key = try Scrypt.deriveKey(passphrase: Data("correct horse".utf8), salt: salt, parameters: .interactive)
        #expect(key.count == 32)
        #expect(key == (try Scrypt.deriveKey(passphrase: Data("correct horse".utf8), salt: salt, parameters: .interactive)))
    }

    @Test func scryptRefusesInvalidOrTooDemandingParameters() {
        let refused: [(ScryptParameters, Int, String)] = [
            (ScryptParameters(n: 1000, r: 8, p: 1), 32, "power of two"),
            (ScryptParameters(n: 1, r: 8, p: 1), 32, "power of two"),
            (ScryptParameters(n: 0, r: 8, p: 1), 32, "power of two"),
            (ScryptParameters(n: -16, r: 8, p: 1), 32, "power of two"),
            (ScryptParameters(n: 16, r: 0, p: 1), 32, "at least 1"),
            (ScryptParameters(n: 16, r: 1, p: -1), 32, "at least 1"),
            (ScryptParameters(n: 16, r: 1 << 20, p: 1 << 10), 32, "2³⁰"),
            (ScryptParameters(n: 1 << 16, r: 1, p: 1), 32, "2^(16 × r)"),
            (ScryptParameters(n: 1 << 20, r: 8, p: 1), 32, "needs 1025 MiB, more than the 256 MiB allowed"),
            (ScryptParameters(n: 1 << 62, r: 8, p: 1), 32, "more memory than this computer can address"),
            (ScryptParameters(n: 16, r: 1, p: 1), 0, "at least 1 byte"),
        ]
        for (parameters, length, reason) in refused {
            let error = #expect(throws: CryptographyError.self) {
                _ = try Scrypt.deriveKey(passphrase: Data("p".utf8), salt: Data(), parameters: parameters, length: length)
            }
            #expect(error?.description.contains(reason) == true, "\(parameters): \(String(describing: error))")
            #expect(error?.description.contains("key-derivation settings") == true)
        }
    }

    // MARK: Helpers

    private func hex(_ digits: String) -> Data {
        let bytes = Array(digits.utf8)
        precondition(bytes.count.isMultiple(of: 2), "whole bytes only")
        return Data(stride(from: 0, to: bytes.count, by: 2).map { UInt8(String(decoding: bytes[$0..<$0 + 2], as: UTF8.self), radix: 16) ?? 0 })
    }

    private func dumped(_ value: some Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }

    /// Whether `body` throws ``CryptographyError/authenticationFailed``.
    private func failsAuthentication(_ body: () throws(CryptographyError) -> Data) -> Bool {
        do {
            _ = try body()
            return false
        } catch {
            if case .authenticationFailed = error { return true }
            return false
        }
    }
}

/// Ed25519 against RFC 8032 §7.1, and checked by the openssl command as an outsider.
@Suite struct Ed25519Tests {
    private func hex(_ string: String) -> Data {
        Data(stride(from: 0, to: string.count, by: 2).map {
            UInt8(string[string.index(string.startIndex, offsetBy: $0)...].prefix(2), radix: 16)!
        })
    }

    @Test func rfc8032Test2() throws {
        let key = try Ed25519SigningKey(seed: SymmetricKey(bytes: hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")))
        #expect(key.publicKey.rawRepresentation.hexadecimal == "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")
        let signature = try key.signature(for: hex("72"))
        #expect(signature.hexadecimal == "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")
        #expect(key.publicKey.isValidSignature(signature, for: hex("72")))
        #expect(!key.publicKey.isValidSignature(signature, for: hex("73")))
        var flipped = signature
        flipped[10] ^= 1
        #expect(!key.publicKey.isValidSignature(flipped, for: hex("72")))
    }

    @Test func opensslVerifiesOurSignature() throws {
        let key = try Ed25519SigningKey(seed: .random())
        let message = Data("inclusio checkpoint\n42\n".utf8)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ed25519-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(try key.publicKey.pemRepresentation().utf8).write(to: directory.appendingPathComponent("key.pem"))
        try message.write(to: directory.appendingPathComponent("message"))
        try key.signature(for: message).write(to: directory.appendingPathComponent("signature"))
        let verify = try Run.program("/usr/bin/openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", "key.pem", "-rawin",
                                              "-in", "message", "-sigfile", "signature"], in: directory)
        #expect(verify.status == 0, "\(verify.stderr)")
        try Data("tampered".utf8).write(to: directory.appendingPathComponent("message"))
        #expect(try Run.program("/usr/bin/openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", "key.pem", "-rawin",
                                         "-in", "message", "-sigfile", "signature"], in: directory).status != 0)
    }
}
