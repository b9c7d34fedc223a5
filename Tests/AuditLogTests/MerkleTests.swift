import AuditLog
import Foundation
import Testing

/// The Merkle tree against RFC 6962's published test data (the eight leaves of the
/// certificate-transparency and transparency-dev test suites), then every proof of many
/// tree sizes, and altered proofs that must fail.
@Suite struct MerkleTests {
    static let leaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]
    static let roots = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]

    static func bytes(_ hex: String) -> Data {
        Data(stride(from: 0, to: hex.count, by: 2).map { UInt8(hex.dropFirst($0).prefix(2), radix: 16)! })
    }
    static func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }

    let hasher = MerkleHasher()
    var referenceTree: MerkleTree { MerkleTree(leaves: Self.leaves.map { hasher.leaf(Self.bytes($0)) }) }

    @Test func treeHeadsMatchTheReference() {
        let tree = referenceTree
        #expect(Self.hex(tree.root(size: 0)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var frontier = MerkleFrontier()
        for size in 1...8 {
            #expect(Self.hex(tree.root(size: size)) == Self.roots[size - 1], "size \(size)")
            frontier.append(hasher.leaf(Self.bytes(Self.leaves[size - 1])), hasher: hasher)
            #expect(Self.hex(frontier.root(hasher: hasher)) == Self.roots[size - 1], "frontier at size \(size)")
        }
    }

    @Test func inclusionProofsMatchTheReference() {
        let tree = referenceTree
        let vectors: [(index: Int, size: Int, path: [String])] = [
            (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
            (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
        ]
        for vector in vectors {
            #expect(tree.inclusionProof(index: vector.index, size: vector.size).map(Self.hex) == vector.path)
            #expect(MerkleProof.verifyInclusion(leaf: hasher.leaf(Self.bytes(Self.leaves[vector.index])), index: vector.index,
                                                size: vector.size, path: vector.path.map(Self.bytes), root: Self.bytes(Self.roots[7])))
        }
    }

    @Test func consistencyProofsMatchTheReference() {
        let tree = referenceTree
        let vectors: [(old: Int, new: Int, proof: [String])] = [
            (2, 8, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
            (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
            (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
        ]
        for vector in vectors {
            #expect(tree.consistencyProof(from: vector.old, to: vector.new).map(Self.hex) == vector.proof)
            #expect(MerkleProof.verifyConsistency(oldSize: vector.old, newSize: vector.new, oldRoot: Self.bytes(Self.roots[vector.old - 1]),
                                                  newRoot: Self.bytes(Self.roots[vector.new - 1]), proof: vector.proof.map(Self.bytes)))
        }
    }

    /// Every inclusion proof for i < n and every consistency proof for m ≤ n verifies, up to
    /// n = 40; each altered proof (a flipped bit, a dropped or added hash, another leaf or index) fails.
    /// (A wrong size is not among them: RFC 6962 binds the size through the signed tree head.)
    @Test func everyProofVerifiesAndAlteredOnesFail() {
        let leaves = (0..<40).map { hasher.leaf(Data("entry \($0)".utf8)) }
        let tree = MerkleTree(leaves: leaves)
        for size in 1...leaves.count {
            let root = tree.root(size: size)
            for index in 0..<size {
                let path = tree.inclusionProof(index: index, size: size)
                #expect(MerkleProof.verifyInclusion(leaf: leaves[index], index: index, size: size, path: path, root: root))
                #expect(!MerkleProof.verifyInclusion(leaf: leaves[(index + 1) % 40], index: index, size: size, path: path, root: root))
                if size > 1 {
                    #expect(!MerkleProof.verifyInclusion(leaf: leaves[index], index: (index + 1) % size, size: size, path: path, root: root))
                    #expect(!MerkleProof.verifyInclusion(leaf: leaves[index], index: index, size: size, path: Self.flipped(path), root: root))
                    #expect(!MerkleProof.verifyInclusion(leaf: leaves[index], index: index, size: size, path: path.dropLast(), root: root))
                }
                #expect(!MerkleProof.verifyInclusion(leaf: leaves[index], index: index, size: size, path: path + [root], root: root))
            }
            for old in 0...size {
                let proof = tree.consistencyProof(from: old, to: size)
                let oldRoot = tree.root(size: old)
                #expect(MerkleProof.verifyConsistency(oldSize: old, newSize: size, oldRoot: oldRoot, newRoot: root, proof: proof))
                guard old > 0, old < size else { continue }
                #expect(!MerkleProof.verifyConsistency(oldSize: old, newSize: size, oldRoot: oldRoot, newRoot: root, proof: Self.flipped(proof)))
                #expect(!MerkleProof.verifyConsistency(oldSize: old, newSize: size, oldRoot: oldRoot, newRoot: root, proof: proof.dropLast()))
                #expect(!MerkleProof.verifyConsistency(oldSize: old, newSize: size, oldRoot: root, newRoot: root, proof: proof))
                #expect(!MerkleProof.verifyConsistency(oldSize: old, newSize: size, oldRoot: oldRoot, newRoot: leaves[0], proof: proof))
            }
        }
    }

    /// `proof` with one bit of its last hash flipped.
    static func flipped(_ proof: [Data]) -> [Data] {
        var altered = proof
        altered[altered.count - 1][0] ^= 0x01
        return altered
    }
}
