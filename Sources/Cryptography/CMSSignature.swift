internal import COpenSSL
import Foundation

/// Detached CMS signatures (RFC 5652) in the CAdES flavour: the signer's certificate is
/// bound by a signingCertificateV2 attribute, and the certificate chain is included.
/// See <https://docs.openssl.org/3.0/man3/CMS_sign/> and `CMS_verify`.
public enum CMSSignature {
    /// The signer of a signature that verified, as its certificate says.
    public struct Signer: Sendable {
        public let subject: String
        public let issuer: String
        public let fingerprint: String
        public let notBefore: Date
        public let notAfter: Date
        /// The signingTime attribute, when present (the signer's own clock).
        public let signingTime: Date?
    }

    /// Signs `content`; returns the DER of a detached CMS SignedData.
    public static func sign(_ content: Data, by identity: SigningIdentity) throws(CryptographyError) -> Data {
        guard let extra = inclusio_sk_X509_new_null() else { throw .library(.drain("sk_X509_new_null")) }
        defer { inclusio_sk_X509_pop_free(extra) }
        for certificate in identity.chain { _ = inclusio_sk_X509_push(extra, certificate.retained()) }
        let flags = UInt32(CMS_DETACHED | CMS_BINARY | CMS_CADES)
        guard let cms = try MemoryBIO.reading(content, { CMS_sign(identity.certificate.x509, identity.key.pkey, extra, $0, flags) }) else {
            throw .library(.drain("CMS_sign"))
        }
        defer { CMS_ContentInfo_free(cms) }
        return try MemoryBIO.writing("i2d_CMS_bio") { i2d_CMS_bio($0, cms) }
    }

    /// Verifies the detached `signature` over `content`: the signer's chain up to one of
    /// `roots`, validity at `time` (now when `nil`), the signingCertificateV2 binding, and
    /// the signature itself.
    /// - Throws: ``CryptographyError/malformedSignature(reason:)``,
    ///   ``CryptographyError/untrustedSigner(subject:problem:)``, ``CryptographyError/signatureMismatch``.
    public static func verify(_ signature: Data, content: Data, roots: [Certificate], at time: Date? = nil) throws(CryptographyError) -> Signer {
        defer { OpenSSLError.clear() }
        guard let cms = try MemoryBIO.reading(signature, { d2i_CMS_bio($0, nil) }) else {
            throw .malformedSignature(reason: "not a CMS structure")
        }
        defer { CMS_ContentInfo_free(cms) }
        guard OBJ_obj2nid(CMS_get0_type(cms)) == NID_pkcs7_signed, let infos = CMS_get0_SignerInfos(cms) else {
            throw .malformedSignature(reason: "not CMS signed data")
        }
        guard inclusio_sk_CMS_SignerInfo_num(infos) == 1, let info = inclusio_sk_CMS_SignerInfo_value(infos, 0) else {
            throw .malformedSignature(reason: "exactly one signer expected")
        }
        guard let certificates = CMS_get1_certs(cms) else { throw .malformedSignature(reason: "no certificates included") }
        defer { inclusio_sk_X509_pop_free(certificates) }
        let signer = (0..<inclusio_sk_X509_num(certificates)).lazy
            .compactMap { inclusio_sk_X509_value(certificates, $0) }
            .first { CMS_SignerInfo_cert_cmp(info, $0) == 0 }
        guard let signer else { throw .malformedSignature(reason: "the signer's certificate is not included") }
        X509_up_ref(signer)
        let signerCertificate = Certificate(taking: signer)

        guard let store = X509_STORE_new() else { throw .library(.drain("X509_STORE_new")) }
        defer { X509_STORE_free(store) }
        for root in roots { X509_STORE_add_cert(store, root.x509) }
        if let time { X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store), time_t(time.timeIntervalSince1970)) }
        try checkChain(of: signerCertificate, untrusted: certificates, store: store)

        let verified = try MemoryBIO.reading(content) { CMS_verify(cms, nil, store, $0, nil, UInt32(CMS_BINARY | CMS_CADES)) }
        guard verified == 1 else {
            let error = OpenSSLError.drain("CMS_verify")
            // ESS reasons: "missing signing certificate attribute", "ess signing certid mismatch error".
            if error.reasons.contains(where: { $0.contains("signing certificate") || $0.contains("signing certid") }) {
                throw .malformedSignature(reason: "no signingCertificateV2 attribute; not a CAdES signature")
            }
            throw .signatureMismatch
        }
        return Signer(subject: signerCertificate.subject, issuer: signerCertificate.issuer,
                      fingerprint: signerCertificate.fingerprint, notBefore: signerCertificate.notBefore,
                      notAfter: signerCertificate.notAfter, signingTime: signingTime(of: info))
    }

    /// Checks `certificate`'s chain against `store` for document signing, naming the problem.
    private static func checkChain(of certificate: Certificate, untrusted: OpaquePointer, store: OpaquePointer) throws(CryptographyError) {
        guard let context = X509_STORE_CTX_new() else { throw .library(.drain("X509_STORE_CTX_new")) }
        defer { X509_STORE_CTX_free(context) }
        guard X509_STORE_CTX_init(context, store, certificate.x509, untrusted) == 1 else {
            throw .library(.drain("X509_STORE_CTX_init"))
        }
        X509_STORE_CTX_set_purpose(context, X509_PURPOSE_SMIME_SIGN)
        guard X509_verify_cert(context) != 1 else { return }
        let code = X509_STORE_CTX_get_error(context)
        let whose = X509_STORE_CTX_get_error_depth(context) == 0 ? "its certificate" : "a certificate in its chain"
        let current = X509_STORE_CTX_get_current_cert(context)
        let day = { (time: UnsafePointer<ASN1_TIME>?) in Certificate.date(time).formatted(.iso8601.year().month().day()) }
        let problem = switch code {
        case X509_V_ERR_CERT_HAS_EXPIRED: "\(whose) expired on \(day(current.flatMap { X509_get0_notAfter($0) }))"
        case X509_V_ERR_CERT_NOT_YET_VALID: "\(whose) is valid only from \(day(current.flatMap { X509_get0_notBefore($0) }))"
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT,
             X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
            "\(whose) was not issued under the trusted root given (--ca)"
        case X509_V_ERR_INVALID_PURPOSE: "\(whose) is not for signing documents (its extended key usage lacks emailProtection)"
        case X509_V_ERR_CERT_SIGNATURE_FAILURE: "\(whose) carries a signature that does not verify"
        default: String(cString: X509_verify_cert_error_string(Int(code)))
        }
        throw .untrustedSigner(subject: certificate.subject, problem: problem)
    }

    /// The signingTime signed attribute of `info`, if any.
    private static func signingTime(of info: OpaquePointer) -> Date? {
        let index = CMS_signed_get_attr_by_NID(info, NID_pkcs9_signingTime, -1)
        guard index >= 0, let attribute = CMS_signed_get_attr(info, index) else { return nil }
        let raw = X509_ATTRIBUTE_get0_data(attribute, 0, V_ASN1_UTCTIME, nil)
            ?? X509_ATTRIBUTE_get0_data(attribute, 0, V_ASN1_GENERALIZEDTIME, nil)
        return raw.map { Certificate.date($0.assumingMemoryBound(to: ASN1_TIME.self)) }
    }
}
