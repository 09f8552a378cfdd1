#include "util/smtp.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace cyberframe::util {

namespace {

struct Reader {
  const std::string* text;
  std::size_t at = 0;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* r = static_cast<Reader*>(user);
  std::size_t room = size * count;
  std::size_t n = std::min(room, r->text->size() - r->at);
  std::memcpy(buffer, r->text->data() + r->at, n);
  r->at += n;
  return n;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

Result<void> smtp_send(const SmtpSettings& s, const std::string& to, const std::string& message) {
  if (s.host.empty()) return fail(ErrorCode::k_invalid_input, "no SMTP server is configured");
  if (s.from.empty()) return fail(ErrorCode::k_invalid_input, "no sender address is configured");
  global_init();
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return fail(ErrorCode::k_io, "SMTP: curl could not start");
  std::string url = std::string(s.tls == SmtpTls::k_implicit ? "smtps://" : "smtp://") + s.host +
                    ":" + std::to_string(s.port);
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  if (s.tls == SmtpTls::k_starttls) curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
  if (!s.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, s.ca_file.c_str());
  if (!s.user.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, s.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, s.password.c_str());
  }
  std::string from = "<" + s.from + ">";
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  std::string rcpt = "<" + to + ">";
  curl_slist* recipients = curl_slist_append(nullptr, rcpt.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients);
  Reader reader{&message};
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(c, CURLOPT_READDATA, &reader);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, s.timeout_seconds);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, s.timeout_seconds * 2);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  auto code = curl_easy_perform(c);
  curl_slist_free_all(recipients);
  if (code != CURLE_OK)
    return fail(ErrorCode::k_io, url + ": " + (error[0] ? error : curl_easy_strerror(code)));
  return {};
}

}  // namespace cyberframe::util
