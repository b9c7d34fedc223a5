internal import COpenSSL
import Foundation

/// Issues X.509 v3 certificates: self-signed roots and end-entity certificates for
/// signing documents and receiving envelopes. Meant for the demo PKI and tests; real
/// offices bring certificates from their own PKI.
public enum CertificateIssuer {
    /// What a certificate is for.
    public enum Profile: Sendable {
        /// A root that signs other certificates.
        case root
        /// An office or school: signs documents and receives envelopes.
        case party
        /// An HTTPS server reached as `hosts`: IP addresses (`127.0.0.1`) or DNS names, written
        /// into subjectAltName, which TLS clients match instead of the common name.
        case tlsServer(hosts: [String])
    }

    /// Issues a certificate for `key` named `subject` (`[("CN", "…"), ("O", "…")]`), valid for
    /// `validity`, signed by `issuer` (or self-signed when `nil`).
    public static func issue(subject: [(String, String)], key: PrivateKey, profile: Profile, validity: DateInterval,
                             issuer: (certificate: Certificate, key: PrivateKey)? = nil) throws(CryptographyError) -> Certificate {
        defer { OpenSSLError.clear() }
        guard let x509 = X509_new() else { throw .library(.drain("X509_new")) }
        let certificate = Certificate(taking: x509)
        let serial = try SecureRandom.bytes(16)
        guard X509_set_version(x509, 2) == 1,
              setSerial(serial, on: x509),
              ASN1_TIME_set(X509_getm_notBefore(x509), time_t(validity.start.timeIntervalSince1970)) != nil,
              ASN1_TIME_set(X509_getm_notAfter(x509), time_t(validity.end.timeIntervalSince1970)) != nil,
              X509_set_pubkey(x509, key.pkey) == 1,
              let name = X509_get_subject_name(x509) else { throw .library(.drain("X509_set fields")) }
        for (field, value) in subject {
            let added = Array(value.utf8).withUnsafeBufferPointer {
                X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, $0.baseAddress, Int32($0.count), -1, 0)
            }
            guard added == 1 else { throw .library(.drain("X509_NAME_add_entry_by_txt")) }
        }
        let signer = issuer ?? (certificate, key)
        guard X509_set_issuer_name(x509, X509_get_subject_name(signer.certificate.x509)) == 1 else {
            throw .library(.drain("X509_set_issuer_name"))
        }
        var context = X509V3_CTX()
        inclusio_X509V3_set_ctx_nodb(&context)
        X509V3_set_ctx(&context, signer.certificate.x509, x509, nil, nil, 0)
        for (nid, value) in extensions(profile, ec: key.isEC) {
            guard let ext = X509V3_EXT_nconf_nid(nil, &context, nid, value) else { throw .library(.drain("X509V3_EXT_nconf_nid")) }
            defer { X509_EXTENSION_free(ext) }
            guard X509_add_ext(x509, ext, -1) == 1 else { throw .library(.drain("X509_add_ext")) }
        }
        guard X509_sign(x509, signer.key.pkey, EVP_sha256()) > 0 else { throw .library(.drain("X509_sign")) }
        return certificate
    }

    private static func setSerial(_ bytes: Data, on x509: OpaquePointer) -> Bool {
        // A positive 127-bit serial: clear the top bit.
        var positive = [UInt8](bytes)
        positive[0] &= 0x7F
        guard let number = BN_bin2bn(positive, Int32(positive.count), nil) else { return false }
        defer { BN_free(number) }
        guard let serial = BN_to_ASN1_INTEGER(number, nil) else { return false }
        defer { ASN1_INTEGER_free(serial) }
        return X509_set_serialNumber(x509, serial) == 1
    }

    private static func extensions(_ profile: Profile, ec: Bool) -> [(Int32, String)] {
        switch profile {
        case .root:
            [(NID_basic_constraints, "critical,CA:TRUE"), (NID_key_usage, "critical,keyCertSign,cRLSign"),
             (NID_subject_key_identifier, "hash")]
        case .party:
            // emailProtection: what `openssl cms -verify` expects of a document signer.
            [(NID_basic_constraints, "critical,CA:FALSE"),
             (NID_key_usage, "critical,digitalSignature,nonRepudiation," + (ec ? "keyAgreement" : "keyEncipherment")),
             (NID_ext_key_usage, "emailProtection"), (NID_subject_key_identifier, "hash"),
             (NID_authority_key_identifier, "keyid:always")]
        case let .tlsServer(hosts):
            [(NID_basic_constraints, "critical,CA:FALSE"),
             (NID_key_usage, "critical,digitalSignature" + (ec ? "" : ",keyEncipherment")),
             (NID_ext_key_usage, "serverAuth"), (NID_subject_alt_name, subjectAltName(hosts)),
             (NID_subject_key_identifier, "hash"), (NID_authority_key_identifier, "keyid:always")]
        }
    }

    /// `IP:127.0.0.1,DNS:localhost`: a host that parses as an IPv4 or IPv6 address is an IP entry.
    private static func subjectAltName(_ hosts: [String]) -> String {
        hosts.map { host in
            var v4 = in_addr(), v6 = in6_addr()
            let isAddress = inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
            return (isAddress ? "IP:" : "DNS:") + host
        }.joined(separator: ",")
    }
}
