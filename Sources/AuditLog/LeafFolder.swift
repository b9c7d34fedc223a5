import Cryptography
import Foundation

/// The RFC 6962 frontier of ``MerkleFrontier`` for the verifier's hot loop: peaks in one fixed
/// buffer, inner nodes hashed into it without allocating. Owns the buffer; one per thread.
final class LeafFolder {
    private(set) var size = 0
    /// 64 peaks of 32 bytes: enough for any size an `Int` holds.
    private let peaks = UnsafeMutableRawPointer.allocate(byteCount: 64 * 32, alignment: 16)
    private var count = 0

    deinit { peaks.deallocate() }

    /// Adds the leaf hash `leaf` at the right.
    func append(_ leaf: ScannedEntry.Digest) {
        var merged = size
        let slot = { (index: Int) in self.peaks + index * 32 }
        withUnsafeBytes(of: leaf) { slot(count).copyMemory(from: $0.baseAddress!, byteCount: 32) }
        // Every trailing set bit of the old size is a subtree of the new leaf's height: merge.
        while merged & 1 == 1 {
            node(slot(count - 1), slot(count), into: slot(count - 1))
            count -= 1
            merged >>= 1
        }
        count += 1
        size += 1
    }

    /// The tree head: the peaks folded from the right.
    func root() -> Data {
        guard count > 0 else { return MerkleTree.emptyRoot }
        var root = Data(count: 32)
        root.withUnsafeMutableBytes { root in
            root.baseAddress!.copyMemory(from: peaks + (count - 1) * 32, byteCount: 32)
            for index in stride(from: count - 2, through: 0, by: -1) { node(peaks + index * 32, root.baseAddress!, into: root.baseAddress!) }
        }
        return root
    }

    /// SHA-256(0x01 ‖ left ‖ right) into `output` (which may be either input: both are read before it is written).
    private func node(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        SHA256.digest(prefix: 0x01, UnsafeRawBufferPointer(start: left, count: 32), UnsafeRawBufferPointer(start: right, count: 32), into: output)
    }
}

@available(*, unavailable) extension LeafFolder: Sendable {}
