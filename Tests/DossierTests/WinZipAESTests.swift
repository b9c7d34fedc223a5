@testable import Dossier
import Foundation
import TestSupport
import Testing

/// Our WinZip AES-256 reader against entries 7-Zip encrypted: the same key derivation, counter,
/// authentication code and deflate, a wrong password and a changed byte found.
@Suite struct WinZipAESTests {
    /// A zip of one deflated text file that 7-Zip encrypted with `password`; returns it and the text.
    private func sevenZipped(password: String) throws -> (zip: URL, text: Data) {
        let folder = try Run.temporaryFolder()
        let text = Data((1...20_000).map { "line \($0) of a note that deflates well\n" }.joined().utf8)
        try text.write(to: folder.appendingPathComponent("note.txt"))
        let zip = folder.appendingPathComponent("n.zip")
        let run = try Run.program("7z", ["a", "-tzip", "-mem=AES256", "-mm=Deflate", "-p" + password, zip.path, "note.txt"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        return (zip, text)
    }

    private func read(_ zip: URL, password: String) throws -> Data {
        let reader = try ZipReader(path: zip.path)
        let entry = try #require(reader.entries.first)
        var content = Data()
        try EncryptedEntryReader.read(entry, from: reader, password: password, limit: entry.size) { content.append(contentsOf: $0) }
        return content
    }

    @Test func anEntry7ZipEncryptedIsReadBackByteForByte() throws {
        let (zip, text) = try sevenZipped(password: "a shared secret")
        #expect(try read(zip, password: "a shared secret") == text)
    }

    @Test func aWrongPasswordOrAChangedByteIsRefused() throws {
        let (zip, _) = try sevenZipped(password: "a shared secret")
        let wrong = #expect(throws: ZipFailure.self) { _ = try read(zip, password: "another secret") }
        #expect(wrong?.isPassword == true)
        var bytes = try Data(contentsOf: zip)
        let data = try #require(LocalEntries.parse(bytes).first?.data)
        bytes[data.lowerBound + 18 + 100] ^= 0x01   // inside the ciphertext, past salt and verifier
        try bytes.write(to: zip)
        #expect(throws: (any Error).self) { _ = try read(zip, password: "a shared secret") }
    }
}
