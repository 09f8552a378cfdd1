#include "exchange/xlsx.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <minizip/unzip.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>

namespace cyberframe::exchange::xlsx {
namespace {

using util::ErrorCode;
using util::fail;

// Excel's last column, XFD.
constexpr std::size_t k_max_columns = 16384;

// ------------------------------------------------------------------------------------------------
// The zip archive, read from memory through minizip's I/O hooks.

struct MemoryFile {
  std::string_view bytes;
  ZPOS64_T pos = 0;
};

voidpf ZCALLBACK memory_open(voidpf opaque, const void*, int mode) {
  if ((mode & ZLIB_FILEFUNC_MODE_WRITE) != 0) return nullptr;
  auto* file = static_cast<MemoryFile*>(opaque);
  file->pos = 0;
  return file;
}

uLong ZCALLBACK memory_read(voidpf, voidpf stream, void* buf, uLong size) {
  auto* file = static_cast<MemoryFile*>(stream);
  if (file->pos >= file->bytes.size()) return 0;
  auto n = std::min<ZPOS64_T>(size, file->bytes.size() - file->pos);
  std::memcpy(buf, file->bytes.data() + file->pos, n);
  file->pos += n;
  return static_cast<uLong>(n);
}

uLong ZCALLBACK memory_write(voidpf, voidpf, const void*, uLong) {
  return 0;
}

ZPOS64_T ZCALLBACK memory_tell(voidpf, voidpf stream) {
  return static_cast<MemoryFile*>(stream)->pos;
}

long ZCALLBACK memory_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* file = static_cast<MemoryFile*>(stream);
  ZPOS64_T base = 0;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET:
      base = 0;
      break;
    case ZLIB_FILEFUNC_SEEK_CUR:
      base = file->pos;
      break;
    case ZLIB_FILEFUNC_SEEK_END:
      base = file->bytes.size();
      break;
    default:
      return -1;
  }
  if (offset > file->bytes.size() - base) return -1;
  file->pos = base + offset;
  return 0;
}

int ZCALLBACK memory_close(voidpf, voidpf) {
  return 0;
}
int ZCALLBACK memory_error(voidpf, voidpf) {
  return 0;
}

class Zip {
 public:
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;
  ~Zip() {
    if (m_zip != nullptr) unzClose(m_zip);
  }

  static util::Result<std::unique_ptr<Zip>> open(std::string_view bytes) {
    std::unique_ptr<Zip> zip(new Zip(bytes));
    zip->m_zip = unzOpen2_64("memory", &zip->m_functions);
    if (zip->m_zip == nullptr) {
      return fail(ErrorCode::k_invalid_input,
                  "not an XLSX workbook: the file is not a zip archive, or the archive is corrupt");
    }
    return zip;
  }

  bool has(const std::string& name) { return unzLocateFile(m_zip, name.c_str(), 1) == UNZ_OK; }

  // Inflates the part piece by piece (at most 64 KiB at a time), charging each piece to the
  // budget's bytes before handing it to `sink`: a part is never held whole, and the inflating
  // stops at the limit whatever size the archive declares. Stops at the first error of the budget
  // or of `sink`. False when the archive has no such part.
  util::Result<bool> stream(const std::string& name, util::Budget& budget,
                            const std::function<util::Result<void>(std::string_view)>& sink) {
    if (unzLocateFile(m_zip, name.c_str(), 1) != UNZ_OK) return false;
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(m_zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
      return corrupt(name);
    }
    if ((info.flag & 1u) != 0) {
      return fail(ErrorCode::k_invalid_input,
                  "the workbook is encrypted (" + name + "); save it without a password");
    }
    if (unzOpenCurrentFile(m_zip) != UNZ_OK) return corrupt(name);
    std::vector<char> buffer(64u << 10);
    for (;;) {
      int n = unzReadCurrentFile(m_zip, buffer.data(), static_cast<unsigned>(buffer.size()));
      if (n < 0) {
        unzCloseCurrentFile(m_zip);
        return corrupt(name);
      }
      if (n == 0) break;
      if (!budget.charge(util::Limit::k_bytes, static_cast<std::size_t>(n), "")) {
        unzCloseCurrentFile(m_zip);
        return fail(ErrorCode::k_invalid_input,
                    "the part " + name + " inflates past the limit: " + budget.input() +
                        " may hold at most " + util::with_separators(budget.limits().bytes) +
                        " bytes uncompressed, over all the parts read");
      }
      if (auto ok = sink(std::string_view(buffer.data(), static_cast<std::size_t>(n))); !ok) {
        unzCloseCurrentFile(m_zip);
        return std::unexpected(ok.error());
      }
    }
    if (unzCloseCurrentFile(m_zip) != UNZ_OK) return corrupt(name);
    return true;
  }

 private:
  explicit Zip(std::string_view bytes) : m_file{bytes, 0} {
    m_functions.zopen64_file = memory_open;
    m_functions.zread_file = memory_read;
    m_functions.zwrite_file = memory_write;
    m_functions.ztell64_file = memory_tell;
    m_functions.zseek64_file = memory_seek;
    m_functions.zclose_file = memory_close;
    m_functions.zerror_file = memory_error;
    m_functions.opaque = &m_file;
  }

  static std::unexpected<util::Error> corrupt(const std::string& name) {
    return fail(ErrorCode::k_invalid_input, "not a readable XLSX workbook: the part " + name +
                                                " is corrupt in the zip archive");
  }

  MemoryFile m_file;
  zlib_filefunc64_def m_functions{};
  unzFile m_zip = nullptr;
};

// ------------------------------------------------------------------------------------------------
// XML: no network, no entity substitution, no DTD loading (none of XML_PARSE_NOENT,
// XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_DTDVALID, XML_PARSE_XINCLUDE, XML_PARSE_HUGE),
// errors not printed; and any DOCTYPE is refused, so no entity is ever declared.

constexpr int k_xml_options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

void init_xml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

std::unexpected<util::Error> doctype_error(const std::string& part) {
  return fail(
      ErrorCode::k_invalid_input,
      "the part " + part +
          " has a DOCTYPE declaration; XLSX files never need one, and it is refused because "
          "it can declare entities");
}

std::unexpected<util::Error> xml_error(const std::string& part, int line, std::string message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  std::string where = line > 0 ? " (line " + std::to_string(line) + ")" : "";
  return fail(ErrorCode::k_invalid_input, "the part " + part + " is not well-formed XML" + where +
                                              (message.empty() ? "" : ": " + message));
}

// A SAX2 pass over one part, fed piece by piece as the part inflates (libxml2's push parser): no
// tree is built and no part is held whole. Every element and text run is charged to the budget's
// nodes, nesting to its depth. A handler receives elements by local name (prefixes ignored) and
// text; it stops the parse by returning an error from a callback (or stop()).
class SaxHandler {
 public:
  explicit SaxHandler(util::Budget& budget) : m_budget(budget) {}
  virtual ~SaxHandler() = default;
  // `attributes` holds nb_attributes entries of 5 pointers: local name, prefix, URI, value, end.
  virtual util::Result<void> start(std::string_view name, const xmlChar** attributes,
                                   int nb_attributes) = 0;
  virtual util::Result<void> end(std::string_view name) = 0;
  virtual util::Result<void> text(std::string_view text) = 0;

  // Ends the parse without an error.
  void stop() {
    m_stopped = true;
    xmlStopParser(m_ctxt);
  }

  static std::optional<std::string_view> attribute(const xmlChar** attributes, int nb_attributes,
                                                   std::string_view name) {
    for (int i = 0; i < nb_attributes; ++i) {
      const xmlChar** a = attributes + 5 * i;
      if (std::string_view(reinterpret_cast<const char*>(a[0])) != name) continue;
      return std::string_view(reinterpret_cast<const char*>(a[3]),
                              static_cast<std::size_t>(a[4] - a[3]));
    }
    return std::nullopt;
  }

  // Parses the part `part` of `zip`; false when the archive has no such part.
  util::Result<bool> parse(Zip& zip, const std::string& part) {
    init_xml();
    m_part = part;
    xmlSAXHandler sax{};
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.ignorableWhitespace = on_text;
    sax.cdataBlock = on_text;
    sax.internalSubset = on_doctype;
    sax.externalSubset = on_doctype;
    struct ContextFree {
      void operator()(xmlParserCtxt* ctxt) const {
        if (ctxt->myDoc) xmlFreeDoc(ctxt->myDoc);
        xmlFreeParserCtxt(ctxt);
      }
    };
    std::unique_ptr<xmlParserCtxt, ContextFree> ctxt;
    auto feed = [&](std::string_view piece) -> util::Result<void> {
      if (!ctxt) {
        // The first bytes tell libxml2 the encoding (a UTF-16 byte order mark, say).
        auto head = std::min<std::size_t>(piece.size(), 4);
        ctxt.reset(
            xmlCreatePushParserCtxt(&sax, this, piece.data(), static_cast<int>(head), nullptr));
        if (!ctxt) return fail(ErrorCode::k_internal, "out of memory parsing " + part);
        m_ctxt = ctxt.get();
        xmlCtxtUseOptions(m_ctxt, k_xml_options);
        piece.remove_prefix(head);
      }
      if (!piece.empty() && !done())
        xmlParseChunk(m_ctxt, piece.data(), static_cast<int>(piece.size()), 0);
      return outcome();
    };
    auto found = zip.stream(part, m_budget, feed);
    if (!found || !*found) return found;
    if (!ctxt) return xml_error(part, 0, "the part is empty");
    if (!done()) xmlParseChunk(m_ctxt, nullptr, 0, 1);
    if (auto ok = outcome(); !ok) return std::unexpected(ok.error());
    if (!m_stopped && m_ctxt->wellFormed == 0) {
      const xmlError* err = xmlCtxtGetLastError(m_ctxt);
      return xml_error(part, err ? err->line : 0, err && err->message ? err->message : "");
    }
    return true;
  }

 protected:
  const std::string& part() const { return m_part; }
  util::Budget& budget() { return m_budget; }
  // "the part xl/sharedStrings.xml (line 12)": where the parser is, for the budget's messages.
  std::string where() const {
    return "the part " + m_part + " (line " + std::to_string(xmlSAX2GetLineNumber(m_ctxt)) + ")";
  }

 private:
  bool done() const { return m_error.has_value() || m_doctype || m_stopped; }
  util::Result<void> outcome() const {
    if (m_error) return std::unexpected(*m_error);
    if (m_doctype) return doctype_error(m_part);
    return {};
  }

  static SaxHandler& self(void* ctx) { return *static_cast<SaxHandler*>(ctx); }
  void failed(util::Error error) {
    if (!m_error) m_error = std::move(error);
    xmlStopParser(m_ctxt);
  }

  static void on_start(void* ctx, const xmlChar* name, const xmlChar*, const xmlChar*, int,
                       const xmlChar**, int nb_attributes, int, const xmlChar** attributes) {
    auto& h = self(ctx);
    if (h.done()) return;
    auto ok = h.m_budget.charge(util::Limit::k_nodes, 1, h.where());
    if (ok) ok = h.m_budget.check(util::Limit::k_depth, ++h.m_depth, h.where());
    if (ok) ok = h.start(reinterpret_cast<const char*>(name), attributes, nb_attributes);
    if (!ok) h.failed(std::move(ok.error()));
  }
  static void on_end(void* ctx, const xmlChar* name, const xmlChar*, const xmlChar*) {
    auto& h = self(ctx);
    if (h.done()) return;
    --h.m_depth;
    auto ok = h.end(reinterpret_cast<const char*>(name));
    if (!ok) h.failed(std::move(ok.error()));
  }
  static void on_text(void* ctx, const xmlChar* text, int length) {
    auto& h = self(ctx);
    if (h.done()) return;
    auto ok = h.m_budget.charge(util::Limit::k_nodes, 1, h.where());
    if (ok)
      ok = h.text(
          std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length)));
    if (!ok) h.failed(std::move(ok.error()));
  }
  static void on_doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
    auto& h = self(ctx);
    h.m_doctype = true;
    xmlStopParser(h.m_ctxt);
  }

  util::Budget& m_budget;
  std::string m_part;
  xmlParserCtxtPtr m_ctxt = nullptr;
  std::optional<util::Error> m_error;
  std::size_t m_depth = 0;
  bool m_doctype = false;
  bool m_stopped = false;
};

// Appends `text` to `out` unless that makes it longer than the budget's item_bytes.
util::Result<void> append_limited(std::string& out, std::string_view text, util::Budget& budget,
                                  const std::string& where) {
  if (auto ok = budget.check(util::Limit::k_item_bytes, out.size() + text.size(), where); !ok)
    return ok;
  out += text;
  return {};
}

// ------------------------------------------------------------------------------------------------
// Cell text.

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of an "_xHHHH_" escape at `i`, or -1.
int escape_at(std::string_view s, std::size_t i) {
  if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
  int value = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    int h = hex_value(s[k]);
    if (h < 0) return -1;
    value = value * 16 + h;
  }
  return value;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Decodes OOXML's "_xHHHH_" escapes (ST_Xstring): control characters, and "_x005F_" for a
// literal underscore that would otherwise start an escape. UTF-16 surrogate pairs are joined; a
// lone surrogate or NUL stays as written.
std::string decode_escapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    int unit = escape_at(s, i);
    if (unit > 0 && (unit < 0xD800 || unit > 0xDFFF)) {
      append_utf8(out, static_cast<char32_t>(unit));
      i += 7;
      continue;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      int low = escape_at(s, i + 7);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) +
                             (static_cast<char32_t>(low) - 0xDC00));
        i += 14;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

bool starts_escape(std::string_view s, std::size_t i) {
  if (i + 6 > s.size() || s[i] != '_' || s[i + 1] != 'x') return false;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    if (hex_value(s[k]) < 0) return false;
  }
  return true;
}

// The inverse of decode_escapes, cut at k_max_cell_chars characters: control characters other
// than tab and line feed become "_xHHHH_" (XML cannot hold them, and a carriage return would be
// normalised away), and an underscore followed by "xHHHH" becomes "_x005F_".
std::string encode_escapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t chars = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::string piece;
    std::size_t length = 1;
    if (c < 0x20 && c != '\t' && c != '\n') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "_x%04X_", static_cast<unsigned>(c));
      piece = buf;
    } else if (c == '_' && starts_escape(s, i)) {
      piece = "_x005F_";
    } else {
      if (c >= 0xF0)
        length = 4;
      else if (c >= 0xE0)
        length = 3;
      else if (c >= 0xC0)
        length = 2;
      length = std::min(length, s.size() - i);
      piece.assign(s.substr(i, length));
    }
    std::size_t piece_chars = piece.size() == length ? 1 : piece.size();
    if (chars + piece_chars > k_max_cell_chars) break;
    chars += piece_chars;
    out += piece;
    i += length;
  }
  return out;
}

// Whole numbers without their fraction of zeros ("3.0" -> "3"); anything else as written.
std::string normalise_number(std::string_view v) {
  double d = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || ptr != v.data() + v.size() || !std::isfinite(d)) return std::string(v);
  if (d != std::floor(d) || std::fabs(d) >= 1e15) return std::string(v);
  return std::to_string(static_cast<long long>(d));
}

std::string resolve_target(std::string_view target) {
  if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

// workbook > sheets > sheet: the relationship id (r:id) of the first sheet, whatever its name.
class FirstSheet : public SaxHandler {
 public:
  using SaxHandler::SaxHandler;
  std::string id;

  util::Result<void> start(std::string_view name, const xmlChar** attributes, int count) override {
    ++m_level;
    if (m_level == 2 && name == "sheets") {
      m_in_sheets = true;
    } else if (m_in_sheets && m_level == 3 && name == "sheet") {
      if (auto r = attribute(attributes, count, "id")) id = *r;
      stop();
    }
    return {};
  }
  util::Result<void> end(std::string_view name) override {
    if (m_level == 2 && name == "sheets") m_in_sheets = false;
    --m_level;
    return {};
  }
  util::Result<void> text(std::string_view) override { return {}; }

 private:
  std::size_t m_level = 0;
  bool m_in_sheets = false;
};

// Relationships > Relationship: the targets of the first sheet and of the shared strings.
class WorkbookRelationships : public SaxHandler {
 public:
  WorkbookRelationships(util::Budget& budget, std::string sheet_id)
      : SaxHandler(budget), m_sheet_id(std::move(sheet_id)) {}
  std::string sheet;
  std::string shared;

  util::Result<void> start(std::string_view name, const xmlChar** attributes, int count) override {
    ++m_level;
    if (m_level != 2 || name != "Relationship") return {};
    auto target = attribute(attributes, count, "Target").value_or("");
    auto id = attribute(attributes, count, "Id");
    if (!m_sheet_id.empty() && id && *id == m_sheet_id) sheet = resolve_target(target);
    if (attribute(attributes, count, "Type").value_or("").ends_with("/sharedStrings"))
      shared = resolve_target(target);
    return {};
  }
  util::Result<void> end(std::string_view) override {
    --m_level;
    return {};
  }
  util::Result<void> text(std::string_view) override { return {}; }

 private:
  std::string m_sheet_id;
  std::size_t m_level = 0;
};

// The part names of the first worksheet and of the shared strings (the usual names when the
// workbook does not say).
util::Result<std::pair<std::string, std::string>> locate_parts(Zip& zip, util::Budget& budget) {
  std::string sheet;
  std::string shared;
  const std::string workbook = "xl/workbook.xml";
  const std::string rels = "xl/_rels/workbook.xml.rels";
  if (zip.has(workbook) && zip.has(rels)) {
    FirstSheet first(budget);
    if (auto ok = first.parse(zip, workbook); !ok) return std::unexpected(ok.error());
    WorkbookRelationships relationships(budget, first.id);
    if (auto ok = relationships.parse(zip, rels); !ok) return std::unexpected(ok.error());
    sheet = relationships.sheet;
    shared = relationships.shared;
  }
  if (sheet.empty()) sheet = "xl/worksheets/sheet1.xml";
  if (shared.empty()) shared = "xl/sharedStrings.xml";
  return std::make_pair(sheet, shared);
}

struct CellState {
  std::size_t column = 0;
  std::string type;
  std::string reference;
  std::string value;        // <v>
  std::string inline_text;  // <is><t>
  bool has_inline = false;
};

util::Result<std::optional<std::string>> cell_text(const CellState& cell,
                                                   const std::vector<std::string>& shared) {
  std::optional<std::string> text;
  if (cell.type == "s") {
    std::size_t index = 0;
    auto v = std::string_view(cell.value);
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), index);
    if (v.empty()) return text;
    if (ec != std::errc() || ptr != v.data() + v.size() || index >= shared.size()) {
      return fail(ErrorCode::k_invalid_input,
                  "cell " + cell.reference + " refers to shared string '" + cell.value +
                      "', but the workbook has " + std::to_string(shared.size()));
    }
    text = shared[index];
  } else if (cell.type == "inlineStr") {
    text = cell.has_inline ? decode_escapes(cell.inline_text) : decode_escapes(cell.value);
  } else if (cell.type == "str") {
    text = decode_escapes(cell.value);
  } else if (cell.type == "b") {
    text = cell.value == "1" ? "true" : cell.value == "0" ? "false" : cell.value;
  } else if (cell.type == "e" || cell.type == "d") {
    text = cell.value;
  } else {
    text = normalise_number(cell.value);
  }
  return text;
}

// <sst><si><t>text</t></si><si><r><t>rich</t></r><r><t> text</t></r><rPh>...</rPh></si></sst>
// Each string is charged to the budget's strings and string_bytes as it is kept.
class SharedStrings : public SaxHandler {
 public:
  using SaxHandler::SaxHandler;
  std::vector<std::string> strings;

  util::Result<void> start(std::string_view name, const xmlChar**, int) override {
    if (name == "si") {
      m_in_si = true;
      m_current.clear();
    } else if (name == "rPh") {
      m_in_phonetic = true;  // a phonetic reading, not part of the text
    } else if (name == "t" && m_in_si && !m_in_phonetic) {
      m_in_t = true;
    }
    return {};
  }
  util::Result<void> end(std::string_view name) override {
    if (name == "si" && m_in_si) {
      auto text = decode_escapes(m_current);
      auto ok = budget().charge(util::Limit::k_strings, 1, where());
      if (ok) ok = budget().charge(util::Limit::k_string_bytes, text.size(), where());
      if (!ok) return ok;
      strings.push_back(std::move(text));
      m_in_si = false;
    } else if (name == "t") {
      m_in_t = false;
    } else if (name == "rPh") {
      m_in_phonetic = false;
    }
    return {};
  }
  util::Result<void> text(std::string_view text) override {
    if (m_in_t) return append_limited(m_current, text, budget(), where());
    return {};
  }

 private:
  bool m_in_si = false;
  bool m_in_t = false;
  bool m_in_phonetic = false;
  std::string m_current;
};

// <sheetData><row r="2"><c r="B2" t="s"><v>3</v></c><c r="C2" t="inlineStr"><is><t>x</t></is></c>
class SheetRows : public SaxHandler {
 public:
  SheetRows(util::Budget& budget, const std::vector<std::string>& shared,
            const std::function<bool(const Row&)>& on_row)
      : SaxHandler(budget), m_shared(shared), m_on_row(on_row) {}

  util::Result<void> start(std::string_view name, const xmlChar** attributes, int count) override {
    if (name == "sheetData") {
      m_in_data = true;
    } else if (m_in_data && name == "row") {
      m_in_row = true;
      m_row.cells.clear();
      m_row.number = m_last_row + 1;
      if (auto r = attribute(attributes, count, "r")) {
        std::size_t n = 0;
        auto [ptr, ec] = std::from_chars(r->data(), r->data() + r->size(), n);
        if (ec != std::errc() || ptr != r->data() + r->size() || n == 0) {
          return fail(ErrorCode::k_invalid_input, "the part " + part() +
                                                      " has a row with the invalid number '" +
                                                      std::string(*r) + "'");
        }
        m_row.number = n;
      }
      m_last_row = m_row.number;
      m_next_column = 0;
    } else if (m_in_row && name == "c") {
      if (auto ok = budget().charge(util::Limit::k_cells, 1, where()); !ok) return ok;
      m_in_cell = true;
      m_cell.value.clear();
      m_cell.inline_text.clear();
      m_cell.has_inline = false;
      m_cell.column = m_next_column;
      if (auto r = attribute(attributes, count, "r")) {
        m_cell.column = column_of_reference(*r);
        m_cell.reference = *r;
        if (m_cell.column == std::string::npos) {
          return fail(ErrorCode::k_invalid_input, "row " + std::to_string(m_row.number) +
                                                      " has a cell with the invalid reference '" +
                                                      m_cell.reference + "'");
        }
      } else {
        m_cell.reference = column_letters(m_cell.column) + std::to_string(m_row.number);
      }
      if (m_cell.column >= k_max_columns) {
        return fail(ErrorCode::k_invalid_input,
                    "cell " + m_cell.reference + " lies beyond Excel's last column (XFD)");
      }
      m_next_column = m_cell.column + 1;
      auto type = attribute(attributes, count, "t");
      m_cell.type = type ? *type : "n";
    } else if (m_in_cell && name == "v") {
      m_in_v = true;
    } else if (m_in_cell && name == "is") {
      m_in_is = true;
      m_cell.has_inline = true;
    } else if (m_in_is && name == "rPh") {
      m_in_phonetic = true;
    } else if (m_in_is && !m_in_phonetic && name == "t") {
      m_in_t = true;
    }
    return {};
  }

  util::Result<void> end(std::string_view name) override {
    if (name == "v") {
      m_in_v = false;
    } else if (name == "t") {
      m_in_t = false;
    } else if (name == "rPh") {
      m_in_phonetic = false;
    } else if (name == "is") {
      m_in_is = false;
    } else if (name == "c" && m_in_cell) {
      m_in_cell = false;
      auto text = cell_text(m_cell, m_shared);
      if (!text) return std::unexpected(text.error());
      if (*text && !(*text)->empty()) {
        auto ok = budget().check(util::Limit::k_fields_per_row, m_row.cells.size() + 1,
                                 "row " + std::to_string(m_row.number));
        if (!ok) return ok;
        m_row.cells.push_back(Cell{m_cell.column, std::move(**text)});
      }
    } else if (name == "row" && m_in_row) {
      m_in_row = false;
      if (!m_on_row(m_row)) stop();
    } else if (name == "sheetData") {
      m_in_data = false;
    }
    return {};
  }

  util::Result<void> text(std::string_view text) override {
    if (m_in_v) return append_limited(m_cell.value, text, budget(), where());
    if (m_in_t) return append_limited(m_cell.inline_text, text, budget(), where());
    return {};
  }

 private:
  const std::vector<std::string>& m_shared;
  const std::function<bool(const Row&)>& m_on_row;
  bool m_in_data = false;
  bool m_in_row = false;
  bool m_in_cell = false;
  bool m_in_v = false;
  bool m_in_is = false;
  bool m_in_t = false;
  bool m_in_phonetic = false;
  Row m_row;
  std::size_t m_last_row = 0;
  std::size_t m_next_column = 0;
  CellState m_cell;
};

struct FileRemover {
  std::string path;
  ~FileRemover() {
    if (path.empty()) return;
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

}  // namespace

std::size_t column_of_reference(std::string_view reference) {
  std::size_t column = 0;
  std::size_t letters = 0;
  while (letters < reference.size()) {
    char c = reference[letters];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    if (++letters > 3) return std::string::npos;
  }
  if (letters == 0) return std::string::npos;
  for (std::size_t i = letters; i < reference.size(); ++i) {
    if (reference[i] < '0' || reference[i] > '9') return std::string::npos;
  }
  return column - 1;
}

std::string column_letters(std::size_t column) {
  std::string out;
  std::size_t n = column + 1;
  while (n > 0) {
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return out;
}

util::Result<std::string> read_part(std::string_view bytes, std::string_view name,
                                    util::Budget& budget) {
  auto zip = Zip::open(bytes);
  if (!zip) return std::unexpected(zip.error());
  std::string out;
  auto found = (*zip)->stream(std::string(name), budget, [&](std::string_view piece) {
    out += piece;
    return util::Result<void>{};
  });
  if (!found) return std::unexpected(found.error());
  if (!*found) return fail(ErrorCode::k_not_found, "the archive has no part " + std::string(name));
  return out;
}

util::Result<void> read_first_sheet(std::string_view bytes, util::Budget& budget,
                                    const std::function<bool(const Row&)>& on_row) {
  auto zip = Zip::open(bytes);
  if (!zip) return std::unexpected(zip.error());
  auto parts = locate_parts(**zip, budget);
  if (!parts) return std::unexpected(parts.error());
  const auto& [sheet_name, shared_name] = *parts;
  SharedStrings shared(budget);
  if (auto found = shared.parse(**zip, shared_name); !found) return std::unexpected(found.error());
  SheetRows rows(budget, shared.strings, on_row);
  auto found = rows.parse(**zip, sheet_name);
  if (!found) return std::unexpected(found.error());
  if (!*found) {
    return fail(ErrorCode::k_invalid_input,
                "not an XLSX workbook: it has no first worksheet (" + sheet_name + " is missing)");
  }
  return {};
}

util::Result<std::string> write_table(const Table& table) {
  return write_workbook({table});
}

util::Result<std::string> write_workbook(const std::vector<Table>& tables) {
  std::error_code ec;
  auto dir = std::filesystem::temp_directory_path(ec);
  if (ec) return fail(ErrorCode::k_io, "no temporary directory: " + ec.message());
  std::string path = (dir / "cyberframe-export-XXXXXX").string();
  int fd = mkstemp(path.data());
  if (fd < 0) {
    return fail(ErrorCode::k_io,
                "cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno));
  }
  close(fd);
  FileRemover remover{path};
  std::string tmpdir = dir.string();

  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = tmpdir.data();
  options.use_zip64 = LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (workbook == nullptr) return fail(ErrorCode::k_io, "cannot start the workbook " + path);
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_format* wrap = workbook_add_format(workbook);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);

  for (const auto& table : tables) {
    lxw_worksheet* sheet = workbook_add_worksheet(
        workbook, table.sheet_name.empty() ? nullptr : table.sheet_name.c_str());
    if (sheet == nullptr) sheet = workbook_add_worksheet(workbook, nullptr);
    if (sheet == nullptr) {
      workbook_close(workbook);
      return fail(ErrorCode::k_internal, "cannot add the sheet '" + table.sheet_name + "'");
    }
    auto columns = static_cast<lxw_col_t>(table.columns.size());
    for (lxw_col_t c = 0; c < columns; ++c) {
      worksheet_write_string(sheet, 0, c, encode_escapes(table.columns[c].header).c_str(), bold);
      worksheet_set_column(sheet, c, c, table.columns[c].width, table.wrap ? wrap : nullptr);
    }
    lxw_row_t r = 1;
    for (const auto& row : table.rows) {
      for (lxw_col_t c = 0; c < row.size() && c < columns; ++c) {
        const auto& value = row[c];
        if (const auto* text = std::get_if<std::string>(&value)) {
          if (!text->empty())
            worksheet_write_string(sheet, r, c, encode_escapes(*text).c_str(), nullptr);
        } else if (const auto* number = std::get_if<double>(&value)) {
          worksheet_write_number(sheet, r, c, *number, nullptr);
        } else if (const auto* flag = std::get_if<bool>(&value)) {
          worksheet_write_boolean(sheet, r, c, *flag ? 1 : 0, nullptr);
        }
      }
      ++r;
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (columns > 0 && table.filter) {
      worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()), columns - 1);
    }
  }
  lxw_error rc = workbook_close(workbook);
  if (rc != LXW_NO_ERROR) {
    return fail(ErrorCode::k_io, std::string("cannot write the workbook: ") + lxw_strerror(rc));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::k_io, "cannot read back the workbook " + path);
  std::ostringstream out;
  out << in.rdbuf();
  if (!in && !in.eof()) return fail(ErrorCode::k_io, "cannot read back the workbook " + path);
  return out.str();
}

}  // namespace cyberframe::exchange::xlsx
