internal import CCurl

extension HTTPSClient {
    /// The clerk's reading of a failed `curl_easy_perform`. libcurl's `curl_easy_strerror` text
    /// (fixed per code, no URL) goes into `detail`; the error buffer, which can quote the URL, is not used.
    func error(for code: CURLcode, overLimit: Bool) -> HTTPClientError {
        let limit = configuration.maxResponseBytes
        let detail = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT:
            return .unreachable(server: server, detail: detail)
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(server: server, seconds: configuration.timeout)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE:
            return .untrustedServer(server: server, detail: detail)
        case CURLE_SSL_CERTPROBLEM where configuration.identity != nil:
            return .unusableIdentity(certificate: configuration.identity?.certificate.path ?? "", detail: detail)
        case CURLE_SSL_CONNECT_ERROR:
            return .handshakeFailed(server: server, detail: detail)
        case CURLE_FILESIZE_EXCEEDED:
            return .responseTooLarge(server: server, limit: limit)
        case CURLE_WRITE_ERROR where overLimit:
            return .responseTooLarge(server: server, limit: limit)
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            return .connectionLost(server: server, detail: detail)
        default:
            return .transfer(server: server, detail: detail)
        }
    }
}
