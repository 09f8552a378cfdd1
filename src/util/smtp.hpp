#pragma once
// Sending one e-mail through an SMTP server with libcurl (its SMTP support: STARTTLS or implicit
// TLS, AUTH with user and password). The message is composed by the caller (core/reminders.hpp).

#include <string>

#include "util/result.hpp"

namespace cyberframe::util {

enum class SmtpTls {
  k_none,      // plain SMTP (a relay on the same host)
  k_starttls,  // STARTTLS required (the default; port 587)
  k_implicit   // TLS from the first byte (smtps, port 465)
};

struct SmtpSettings {
  std::string host;  // empty: no server configured
  int port = 587;
  SmtpTls tls = SmtpTls::k_starttls;
  std::string user;      // empty: no AUTH
  std::string password;  // read from a file or the environment, never from the command line
  std::string from;      // the sender's address
  std::string ca_file;   // a CA bundle to trust instead of the system's ("": the system's)
  long timeout_seconds = 30;
};

// Sends `message` (headers and body, CRLF lines) from settings.from to `to`. k_io with curl's
// message ("smtp://host:port: Couldn't connect to server") when the server cannot be reached or
// refuses; the password is never in a message.
Result<void> smtp_send(const SmtpSettings& settings, const std::string& to,
                       const std::string& message);

}  // namespace cyberframe::util
