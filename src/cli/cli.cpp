#include "cli/cli.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <ostream>

#include "catalog/loader.hpp"
#include "cli/output.hpp"
#include "cli/workspace_context.hpp"
#include "server/server.hpp"

namespace cyberframe::cli {

namespace {

const char* const k_description =
    "cyberframe: the ISO/IEC cybersecurity framework (TR 27103, TS 27110) and ISMS workbench.\n"
    "Exit status: 0 success, 1 a check found problems, 2 bad input, 3 environment failure.";

const char* const k_footer =
    "First steps:\n"
    "  cyberframe init && cyberframe demo\n"
    "  cyberframe gap \"Current state\" \"Target 2027\" --top 10\n"
    "  cyberframe report \"Current state\" --audience executive -o executive.html\n"
    "  cyberframe catalog list\n"
    "  cyberframe catalog show iso-tr-27103-2018\n"
    "  cyberframe catalog show iso-tr-27103-2018 ID.RA-1\n"
    "  cyberframe catalog refs \"ISO/IEC 27002:2022\" 8.8\n"
    "  cyberframe catalog check my-framework.yaml\n"
    "Run 'cyberframe COMMAND --help' for a command's options.";

}  // namespace

std::vector<std::filesystem::path> CatalogOptions::files(
    std::vector<std::filesystem::path> more) const {
  std::vector<std::filesystem::path> out;
  for (const auto& item : added) {
    std::error_code e;
    if (!std::filesystem::is_directory(item, e)) {
      out.emplace_back(item);
      continue;
    }
    auto found = catalog::catalog_files_below(item);
    out.insert(out.end(), found.begin(), found.end());
  }
  out.insert(out.end(), more.begin(), more.end());
  return out;
}

namespace {

// Levenshtein distance of two short words.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// The command the words of argv reach, and the first word after it that names none of its
// subcommands (empty when there is none): "cyberframe profil list" reaches the root with "profil".
std::pair<const CLI::App*, std::string> unknown_command(const CLI::App& app, int argc,
                                                        const char* const* argv) {
  const CLI::App* at = &app;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") break;
    if (arg.starts_with("-")) {
      if (arg.find('=') != std::string::npos) continue;
      // An option that takes a value takes the next word with it.
      for (const CLI::App* a = at; a != nullptr; a = a->get_parent()) {
        if (const auto* opt = a->get_option_no_throw(arg)) {
          if (opt->get_expected_min() > 0) ++i;
          break;
        }
      }
      continue;
    }
    auto named = at->get_subcommands([&](const CLI::App* a) { return a->check_name(arg); });
    if (!named.empty()) {
      at = named.front();
      continue;
    }
    if (at->get_subcommands([](const CLI::App*) { return true; }).empty()) break;
    return {at, arg};
  }
  return {at, ""};
}

// "'soa' is not a command; did you mean 'scale'?" for a word where a command was expected.
std::string unknown_command_message(const CLI::App& at, const std::string& word) {
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const auto* sub : at.get_subcommands([](const CLI::App*) { return true; })) {
    const auto& name = sub->get_name();
    std::size_t d = name.starts_with(word) ? 0 : edit_distance(word, name);
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  std::string where = at.get_name();
  for (const auto* p = at.get_parent(); p != nullptr; p = p->get_parent())
    where = p->get_name() + " " + where;
  std::string message = "'" + word + "' is not a command of " + where;
  if (!best.empty() && best_distance <= std::max<std::size_t>(2, word.size() / 3))
    message += "; did you mean '" + best + "'?";
  return message;
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{k_description, "cyberframe"};
  app.footer(k_footer);
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("cyberframe ") + CYBERFRAME_VERSION);
  CatalogOptions options;
  app.add_option("--catalog", options.directory,
                 "Load the catalog files of this directory instead of the built-in catalog")
      ->envname("CYBERFRAME_CATALOG")
      ->check(CLI::ExistingDirectory);
  app.add_option("--add-catalog", options.added,
                 "Load these catalog files, or directories of them (e.g. a framework imported with "
                 "'oscal import catalog'), on top of the catalog; may be repeated")
      ->check(CLI::ExistingPath);
  WorkspaceOptions workspace;
  app.add_option("--db", workspace.db,
                 "The workspace: a SQLite file (default cyberframe.db) or a PostgreSQL URL "
                 "(postgresql://user@host/db)")
      ->envname("CYBERFRAME_DB");
  app.add_option("--as", workspace.actor,
                 "Who is making changes, for the records (default: $USER)");
  app.add_option("--audit-key", workspace.audit_key,
                 "The audit trail's key file (default: the workspace's path + .audit-key; for "
                 "PostgreSQL, DBNAME.audit-key in the working folder)")
      ->envname("CYBERFRAME_AUDIT_KEY_FILE");
  app.add_option("--audit-anchor", workspace.audit_anchor,
                 "The audit trail's anchor file (default: the workspace's path + .audit-anchor; "
                 "for PostgreSQL, DBNAME.audit-anchor in the working folder)")
      ->envname("CYBERFRAME_AUDIT_ANCHOR_FILE");
  int status = k_exit_ok;
  add_catalog_commands(app, options, out, err, status);
  add_workspace_commands(app, options, workspace, out, err, status);
  add_backup_commands(app, options, workspace, out, err, status);
  add_copy_commands(app, options, workspace, out, err, status);
  add_crosswalk_commands(app, options, workspace, out, err, status);
  add_framework_commands(app, options, workspace, out, err, status);
  add_risk_commands(app, options, workspace, out, err, status);
  add_isms_commands(app, options, workspace, out, err, status);
  add_review_commands(app, options, workspace, out, err, status);
  add_measurement_commands(app, options, workspace, out, err, status);
  add_people_commands(app, options, workspace, out, err, status);
  add_document_commands(app, options, workspace, out, err, status);
  auto* oscal = app.add_subcommand(
      "oscal", "OSCAL in and out: validate, convert, resolve profiles, import and export");
  oscal->require_subcommand(1);
  add_oscal_document_commands(*oscal, out, err, status);
  add_oscal_resolve_command(*oscal, out, err, status);
  add_oscal_exchange_commands(*oscal, options, workspace, out, err, status);

  auto* serve =
      app.add_subcommand("serve", "Serve the web UI and the JSON API of the workspace over HTTP");
  std::string listen = "127.0.0.1:8080";
  server::Options server_options;
  serve->add_option("--listen", listen, "HOST:PORT to listen on (port 0: any free port)");
  serve->add_option("--tls-cert", server_options.tls_cert,
                    "Certificate chain (PEM): serve HTTPS, with Secure session cookies");
  serve->add_option("--tls-key", server_options.tls_key, "Private key (PEM) of --tls-cert");
  std::string metrics_listen;
  serve->add_option("--metrics-listen", metrics_listen,
                    "HOST:PORT of a second listener serving /metrics without an account (keep it "
                    "private); without it /metrics needs an administrator");
  serve
      ->add_option("--max-connections-per-address", server_options.max_connections_per_address,
                   "Open connections one client address may hold (default 256)")
      ->check(CLI::Range(1, 100000));
  serve->callback([&] {
    server::Options o = server_options;
    auto host_port = [&](const std::string& option, const std::string& text, std::string& host,
                         int& port) {
      auto colon = text.rfind(':');
      try {
        if (colon == std::string::npos) throw std::invalid_argument("no port");
        host = text.substr(0, colon);
        std::size_t used = 0;
        port = std::stoi(text.substr(colon + 1), &used);
        if (used != text.size() - colon - 1 || port < 0 || port > 65535)
          throw std::invalid_argument("port");
        return true;
      } catch (const std::exception&) {
        err << "cyberframe: error: " << option << " '" << text
            << "' is not HOST:PORT (port 0-65535)\n";
        status = k_exit_bad_input;
        return false;
      }
    };
    if (!host_port("--listen", listen, o.host, o.port)) return;
    if (!metrics_listen.empty() &&
        !host_port("--metrics-listen", metrics_listen, o.metrics_host, o.metrics_port))
      return;
    auto sources = catalog::read_sources(options.directory, options.files());
    if (auto cat = catalog::load(sources); !cat.ok()) {
      for (const auto& d : cat.diagnostics) err << d.to_string() << '\n';
      status = k_exit_bad_input;
      return;
    }
    o.audit_key = workspace.audit_key;
    o.audit_anchor = workspace.audit_anchor;
    status = server::serve(sources, workspace.db, o, out, err);
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    out << app.help();
    return k_exit_ok;
  } catch (const CLI::CallForAllHelp& e) {
    out << app.help("", CLI::AppFormatMode::All);
    return k_exit_ok;
  } catch (const CLI::CallForVersion& e) {
    out << e.what() << '\n';
    return k_exit_ok;
  } catch (const CLI::ParseError& e) {
    // Help for the innermost subcommand that was reached.
    const CLI::App* deepest = &app;
    for (;;) {
      auto subs = deepest->get_subcommands();
      if (subs.empty()) break;
      deepest = subs.front();
    }
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
      out << deepest->help();
      return k_exit_ok;
    }
    // A word where a command was expected: name it and the closest command.
    if (auto [at, word] = unknown_command(app, argc, argv); !word.empty()) {
      err << "cyberframe: error: " << unknown_command_message(*at, word) << "\n";
      std::string path = at->get_name();
      for (const auto* p = at->get_parent(); p != nullptr; p = p->get_parent())
        path = p->get_name() + " " + path;
      err << "Run '" << path << " --help' for the commands.\n";
      return k_exit_bad_input;
    }
    // A group named without its verb ("cyberframe soa"): list the group's verbs.
    auto verbs = deepest->get_subcommands([](const CLI::App*) { return true; });
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr && !verbs.empty()) {
      std::string path = deepest->get_name();
      for (const auto* p = deepest->get_parent(); p != nullptr; p = p->get_parent())
        path = p->get_name() + " " + path;
      err << "cyberframe: error: '" << path << "' needs one of its commands:\n";
      std::size_t width = 0;
      for (const auto* v : verbs) width = std::max(width, v->get_name().size());
      for (const auto* v : verbs)
        err << "  " << v->get_name() << std::string(width - v->get_name().size() + 2, ' ')
            << v->get_description() << '\n';
      err << "Run '" << path << " COMMAND --help' for a command's options.\n";
      return k_exit_bad_input;
    }
    err << "cyberframe: error: " << e.what() << "\n";
    err << "Run '"
        << (deepest == &app ? std::string("cyberframe") : "cyberframe ... " + deepest->get_name())
        << " --help' for usage.\n";
    return k_exit_bad_input;
  }
  return status;
}

}  // namespace cyberframe::cli
