// The audit trail's key and anchor files (audit_seal.hpp).

#include "store/audit_seal.hpp"

#include <fcntl.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <optional>

namespace cyberframe::store {

using util::ErrorCode;
using util::fail;

namespace {

constexpr std::size_t k_key_bytes = 32;
constexpr std::string_view k_anchor_header = "cyberframe audit anchor 1\n";
// Keyed rows start their MAC input with this, anchors with k_anchor_header: a row's MAC can never
// pass for an anchor's or the other way round.
constexpr std::string_view k_row_header = "cyberframe audit row 1\n";

std::string to_hex(const unsigned char* bytes, std::size_t n) {
  static const char* const k_hex = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = k_hex[bytes[i] >> 4];
    out[2 * i + 1] = k_hex[bytes[i] & 0x0F];
  }
  return out;
}

bool is_hex(std::string_view text) {
  return text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::string system_error(const std::string& what, const std::filesystem::path& path) {
  return what + " " + path.string() + ": " + std::strerror(errno);
}

// A file descriptor closed on every path out (closing also releases its flock).
class File {
 public:
  explicit File(int fd) : m_fd(fd) {}
  ~File() {
    if (m_fd >= 0) ::close(m_fd);
  }
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  int fd() const { return m_fd; }
  bool ok() const { return m_fd >= 0; }

 private:
  int m_fd;
};

// Reads at most `limit` bytes from the start of a regular file.
Result<std::string> read_head(int fd, std::size_t limit, const std::filesystem::path& path) {
  std::string out(limit, '\0');
  std::size_t got = 0;
  while (got < limit) {
    auto want = limit - got;
    auto n = ::pread(fd, out.data() + got, want, static_cast<off_t>(got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(ErrorCode::k_io, system_error("cannot read", path));
    got += static_cast<std::size_t>(n);
    if (static_cast<std::size_t>(n) < want) break;  // a regular file reads short only at its end
  }
  out.resize(got);
  return out;
}

Result<void> write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    auto n = ::pwrite(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(ErrorCode::k_io, system_error("cannot write", path));
    done += static_cast<std::size_t>(n);
  }
  return {};
}

Result<void> lock(int fd, int how, const std::filesystem::path& path) {
  while (::flock(fd, how) != 0) {
    if (errno != EINTR) return fail(ErrorCode::k_io, system_error("cannot lock", path));
  }
  return {};
}

// A number as the anchor writes it: 20 digits, so that every anchor has the same length and an
// update overwrites the previous one in place.
std::string padded(std::int64_t n) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  auto length = static_cast<std::size_t>(end - digits);
  std::string out(length < 20 ? 20 - length : 0, '0');
  out.append(digits, length);
  return out;
}

}  // namespace

AuditFiles AuditFiles::resolved(const std::filesystem::path& workspace) const {
  AuditFiles out = *this;
  if (out.key.empty()) out.key = workspace.string() + ".audit-key";
  if (out.anchor.empty()) out.anchor = workspace.string() + ".audit-anchor";
  return out;
}

std::string audit_sha256(std::string_view previous, const AuditRowFields& row) {
  // The text of the first version of the trail, kept byte for byte so old rows still verify.
  std::string text;
  text.reserve(previous.size() + row.before.size() + row.after.size() + 128);
  auto id = std::to_string(row.id);
  for (auto part : {previous, std::string_view(id), row.at, row.actor, row.entity, row.entity_id,
                    row.action, row.before}) {
    text += part;
    text += '\n';
  }
  text += row.after;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  return to_hex(digest, length);
}

// HMAC-SHA256 with the key set once: each message re-initialises the context from the keyed
// state instead of hashing the key again. And the anchor file, kept open between writes: opening
// and closing it cost as much as the rest of an update together.
struct AuditSeal::State {
  EVP_MAC* mac = nullptr;
  EVP_MAC_CTX* ctx = nullptr;
  int anchor_fd = -1;
  std::chrono::steady_clock::time_point anchor_checked;  // when anchor_fd was last found linked
  std::string anchor_written;  // what this seal last wrote there (its MAC needs no checking)
  ~State() {
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    if (anchor_fd >= 0) ::close(anchor_fd);
  }
  void begin() { EVP_MAC_init(ctx, nullptr, 0, nullptr); }
  void add(std::string_view bytes) {
    EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  }
  // Each field as its length, a colon, the bytes and a newline: no two rows give the same input.
  void field(std::string_view bytes) {
    char length[24];
    auto end = std::to_chars(length, length + sizeof length, bytes.size()).ptr;
    *end++ = ':';
    add(std::string_view(length, static_cast<std::size_t>(end - length)));
    add(bytes);
    add("\n");
  }
  std::string end() {
    unsigned char out[EVP_MAX_MD_SIZE];
    std::size_t length = 0;
    EVP_MAC_final(ctx, out, &length, sizeof out);
    return to_hex(out, length);
  }
};

AuditSeal::AuditSeal(AuditFiles files, std::unique_ptr<State> state)
    : m_files(std::move(files)), m_state(std::move(state)) {}
AuditSeal::AuditSeal(AuditSeal&&) noexcept = default;
AuditSeal& AuditSeal::operator=(AuditSeal&&) noexcept = default;
AuditSeal::~AuditSeal() = default;

Result<AuditSeal> AuditSeal::open(const AuditFiles& files) {
  const auto& path = files.key;
  File f(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!f.ok()) {
    if (errno == ENOENT)
      return fail(ErrorCode::k_not_found, "the audit key " + path.string() + " does not exist");
    return fail(ErrorCode::k_io, system_error("cannot open the audit key", path));
  }
  struct stat st {};
  if (::fstat(f.fd(), &st) != 0 || !S_ISREG(st.st_mode))
    return fail(ErrorCode::k_io, "the audit key " + path.string() + " is not a regular file");
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0)
    return fail(ErrorCode::k_io, "the audit key " + path.string() +
                                     " can be written by others than its owner (anyone who can "
                                     "replace it can rewrite the audit trail): chmod 600 it");
  auto text = read_head(f.fd(), 256, path);
  if (!text) return std::unexpected(text.error());
  std::string_view hex(*text);
  while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r' || hex.back() == ' '))
    hex.remove_suffix(1);
  if (hex.size() != 2 * k_key_bytes || !is_hex(hex))
    return fail(ErrorCode::k_io, "the audit key " + path.string() +
                                     " is damaged: it should hold 64 lowercase hex digits");
  std::array<unsigned char, k_key_bytes> key{};
  for (std::size_t i = 0; i < k_key_bytes; ++i)
    std::from_chars(hex.data() + 2 * i, hex.data() + 2 * i + 2, key[i], 16);

  auto mac = std::make_unique<State>();
  mac->mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  mac->ctx = mac->mac ? EVP_MAC_CTX_new(mac->mac) : nullptr;
  char digest[] = "SHA256";
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                         OSSL_PARAM_construct_end()};
  bool ready = mac->ctx && EVP_MAC_init(mac->ctx, key.data(), key.size(), params) == 1;
  OPENSSL_cleanse(key.data(), key.size());
  if (!ready) return fail(ErrorCode::k_internal, "OpenSSL has no HMAC-SHA256");
  return AuditSeal(files, std::move(mac));
}

Result<AuditSeal> AuditSeal::create(const AuditFiles& files) {
  const auto& path = files.key;
  std::array<unsigned char, k_key_bytes> key{};
  if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1)
    return fail(ErrorCode::k_io, "no random numbers for a new audit key");
  auto hex = to_hex(key.data(), key.size()) + "\n";
  OPENSSL_cleanse(key.data(), key.size());
  {
    File f(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!f.ok()) return fail(ErrorCode::k_io, system_error("cannot create the audit key", path));
    auto written = write_all(f.fd(), hex, path);
    if (!written || ::fsync(f.fd()) != 0) {
      ::unlink(path.c_str());
      return fail(ErrorCode::k_io, system_error("cannot write the audit key", path));
    }
  }
  OPENSSL_cleanse(hex.data(), hex.size());
  return open(files);
}

std::string AuditSeal::row_hash(std::string_view previous, const AuditRowFields& row) {
  char id[24];
  auto end = std::to_chars(id, id + sizeof id, row.id).ptr;
  m_state->begin();
  m_state->add(k_row_header);
  m_state->field(previous);
  m_state->field(std::string_view(id, static_cast<std::size_t>(end - id)));
  for (auto part :
       {row.at, row.actor, row.entity, row.entity_id, row.action, row.before, row.after})
    m_state->field(part);
  return m_state->end();
}

std::string AuditSeal::anchor_text(const AuditHead& head) {
  std::string text(k_anchor_header);
  text += "keyed-from " + padded(head.keyed_from) + "\n";
  text += "rows " + padded(head.rows) + "\n";
  text += "last-id " + padded(head.last_id) + "\n";
  text += "last-hash " + head.last_hash + "\n";
  m_state->begin();
  m_state->add(text);
  text += "mac " + m_state->end() + "\n";
  return text;
}

namespace {

// The anchor's fields, when the text has the anchor's shape (its MAC is checked by the caller).
std::optional<AuditHead> parse_anchor(std::string_view text) {
  if (!text.starts_with(k_anchor_header)) return std::nullopt;
  text.remove_prefix(k_anchor_header.size());
  auto line = [&](std::string_view name) -> std::optional<std::string_view> {
    auto end = text.find('\n');
    if (end == std::string_view::npos) return std::nullopt;
    auto l = text.substr(0, end);
    text.remove_prefix(end + 1);
    if (!l.starts_with(name) || l.size() <= name.size() || l[name.size()] != ' ')
      return std::nullopt;
    return l.substr(name.size() + 1);
  };
  auto number = [](std::optional<std::string_view> t) -> std::optional<std::int64_t> {
    std::int64_t n = 0;
    if (!t || t->size() != 20) return std::nullopt;
    auto [p, ec] = std::from_chars(t->data(), t->data() + t->size(), n);
    if (ec != std::errc() || p != t->data() + t->size() || n < 0) return std::nullopt;
    return n;
  };
  AuditHead head;
  auto keyed_from = number(line("keyed-from"));
  auto rows = number(line("rows"));
  auto last_id = number(line("last-id"));
  auto hash = line("last-hash");
  if (!keyed_from || !rows || !last_id || !hash || hash->size() != 64 || !is_hex(*hash))
    return std::nullopt;
  head.keyed_from = *keyed_from;
  head.rows = *rows;
  head.last_id = *last_id;
  head.last_hash = std::string(*hash);
  return head;
}

}  // namespace

Result<AnchorReading> AuditSeal::read_anchor() {
  const auto& path = m_files.anchor;
  AnchorReading out;
  File f(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!f.ok()) {
    if (errno != ENOENT) return fail(ErrorCode::k_io, system_error("cannot open", path));
    out.state = AnchorReading::State::k_missing;
    out.problem = "the anchor " + path.string() + " is missing";
    return out;
  }
  if (auto l = lock(f.fd(), LOCK_SH, path); !l) return std::unexpected(l.error());
  auto text = read_head(f.fd(), 1024, path);
  if (!text) return std::unexpected(text.error());
  auto head = parse_anchor(*text);
  out.state = AnchorReading::State::k_altered;
  if (!head) {
    out.problem = "the anchor " + path.string() + " is damaged: it is not an audit anchor";
    return out;
  }
  if (anchor_text(*head) != *text) {
    out.problem =
        "the anchor " + path.string() + " was altered: its MAC does not verify with the audit key";
    return out;
  }
  out.state = AnchorReading::State::k_ok;
  out.head = std::move(*head);
  return out;
}

Result<void> AuditSeal::advance_anchor(
    const AuditHead& head,
    const std::function<bool(std::int64_t, const std::string&)>& still_there) {
  const auto& path = m_files.anchor;
  int& fd = m_state->anchor_fd;
  // The file at the path is the anchor: one deleted or replaced since it was opened is let go
  // (looked at once a second: a system call per write cost more than the rest of the update).
  auto now = std::chrono::steady_clock::now();
  if (fd >= 0 && now - m_state->anchor_checked > std::chrono::seconds(1)) {
    struct stat st {};
    if (::fstat(fd, &st) != 0 || st.st_nlink == 0) {
      ::close(fd);
      fd = -1;
    }
    m_state->anchor_checked = now;
  }
  if (fd < 0) {
    m_state->anchor_checked = now;
    fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
      if (errno == ENOENT) return {};  // stays missing: evidence for audit verify
      return fail(ErrorCode::k_io, system_error("cannot open", path));
    }
  }
  if (auto l = lock(fd, LOCK_EX, path); !l) return std::unexpected(l.error());
  struct Unlock {
    int fd;
    ~Unlock() { ::flock(fd, LOCK_UN); }
  } unlock{fd};
  auto text = read_head(fd, 1024, path);
  if (!text) return std::unexpected(text.error());
  auto current = parse_anchor(*text);
  if (!current) return {};  // damaged: leave it
  if (*text != m_state->anchor_written && anchor_text(*current) != *text)
    return {};                                                        // altered: leave it
  if (current->last_id >= head.last_id) return {};                    // another writer got further
  if (!still_there(current->last_id, current->last_hash)) return {};  // the trail diverged
  AuditHead next = head;
  next.keyed_from = current->keyed_from;
  auto written = anchor_text(next);
  if (auto w = write_all(fd, written, path); !w) return w;
  m_state->anchor_written = std::move(written);
  return {};
}

Result<void> AuditSeal::write_anchor(const AuditHead& head) {
  const auto& path = m_files.anchor;
  if (m_state->anchor_fd >= 0) {  // this file is the anchor from now on
    ::close(m_state->anchor_fd);
    m_state->anchor_fd = -1;
  }
  File f(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
  if (!f.ok()) return fail(ErrorCode::k_io, system_error("cannot create the audit anchor", path));
  if (auto l = lock(f.fd(), LOCK_EX, path); !l) return std::unexpected(l.error());
  if (::ftruncate(f.fd(), 0) != 0)
    return fail(ErrorCode::k_io, system_error("cannot write the audit anchor", path));
  if (auto w = write_all(f.fd(), anchor_text(head), path); !w) return w;
  if (::fsync(f.fd()) != 0)
    return fail(ErrorCode::k_io, system_error("cannot write the audit anchor", path));
  return {};
}

}  // namespace cyberframe::store
