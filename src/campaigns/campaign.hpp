#pragma once
// A client's campaign: its goal, billing model, calling rules, caller ID, script, qualification checklist and the
// people who work it. Plain data; the rules that check it live in campaign_rules.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "campaigns/calling_rules.hpp"
#include "campaigns/info_mail_template.hpp"

namespace termintreu::campaigns {

// What the goal counts.
constexpr std::string_view kGoalKinds[] = {"appointments", "qualified_leads", "information_requests"};
constexpr std::string_view kCampaignStates[] = {"draft", "active", "paused", "finished"};

// Any mix of the four; an absent part is not billed. Amounts in euro cents.
struct Billing {
  std::optional<std::int64_t> hourly_rate_cents;
  std::optional<std::int64_t> per_decision_maker_cents;
  std::optional<std::int64_t> per_qualified_appointment_cents;
  std::optional<std::int64_t> fixed_fee_cents;
};

struct ScriptSection {
  std::string title;
  std::string text;
};

struct Objection {
  std::string question;
  std::string answer;
};

struct Script {
  std::vector<ScriptSection> sections;
  std::vector<Objection> objections;
};

struct QualificationItem {
  std::string question;
  bool required = false;
};

struct Campaign {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t client_id = 0;
  std::string client_name;
  std::string name;
  std::string state = "draft";
  bool archived = false;
  std::string goal_kind = "appointments";
  std::int64_t goal_target = 0;
  std::optional<std::string> starts_on;  // YYYY-MM-DD
  std::optional<std::string> ends_on;
  std::string country = "DE";             // ISO 3166 alpha-2: numbers without a country code are read as this
  std::optional<std::string> caller_id;   // E.164; required before the campaign can be activated
  CallingRules calling_rules = legal_limits();
  Billing billing;
  Script script;
  std::vector<QualificationItem> qualification;
  InfoMailTemplate info_mail;
};

// Who works a campaign, and the current briefing.
struct CampaignStaff {
  std::vector<std::int64_t> agents;
  std::vector<std::int64_t> specialists;
  std::vector<std::int64_t> rep_ids;
};

struct Briefing {
  std::int64_t id = 0;
  std::int64_t campaign_id = 0;
  std::int64_t version = 0;
  std::string body;
  std::optional<std::int64_t> created_by;
  std::string created_by_name;
  std::int64_t created_at = 0;
  std::int64_t acknowledgements = 0;
};

// The list view: what a table of campaigns shows.
nlohmann::json to_summary_json(const Campaign& campaign);
// The whole campaign.
nlohmann::json to_json(const Campaign& campaign);
nlohmann::json to_json(const CampaignStaff& staff);
nlohmann::json to_json(const Briefing& briefing);
nlohmann::json to_json(const Billing& billing);
nlohmann::json to_json(const Script& script);
nlohmann::json qualification_to_json(const std::vector<QualificationItem>& items);

}  // namespace termintreu::campaigns
