package report

import (
	"testing"

	"github.com/tokenomics/tokenomics/model"
)

// Every reason in words, with its amounts.
func TestReasonText(t *testing.T) {
	checkWords(t, ReasonText, []wording[model.Reason]{
		{model.Reason{}, ""},
		{model.Reason{Kind: model.ReasonNoModels}, "the plan lists no model in the catalog"},
		{model.Reason{Kind: model.ReasonTier, Class: "Hard", NeedTier: model.Frontier, HaveTier: model.Mid}, "Hard: needs frontier tier; the plan's best is mid"},
		{model.Reason{Kind: model.ReasonTier, NeedTier: model.Frontier, Model: "Alpha", HaveTier: model.Small}, "needs frontier tier; Alpha is small"},
		{model.Reason{Kind: model.ReasonContext, Class: "Long documents", Need: 33000, Have: 32000}, "Long documents: needs 33k context; the plan gives 32k"},
		{model.Reason{Kind: model.ReasonContext, Need: 101000, Model: "Alpha", Have: 100000}, "needs 101k context; Alpha gives 100k"},
		// 32,400 and 32,000 both round to 32k: a decimal more tells them apart.
		{model.Reason{Kind: model.ReasonContext, Class: "Long documents", Need: 32400, Have: 32000}, "Long documents: needs 32.4k context; the plan gives 32k"},
		{model.Reason{Kind: model.ReasonContext, Need: 32400, Model: "Alpha", Have: 32000}, "needs 32.4k context; Alpha gives 32k"},
		// 8,200 and 8,190 are both 8.2k; 8.20k and 8.19k differ.
		{model.Reason{Kind: model.ReasonOutput, Need: 8200, Model: "Alpha", Have: 8190}, "needs 8.2k output per turn; Alpha gives 8.19k"},
		{model.Reason{Kind: model.ReasonRecordContext, Need: 128400, Model: "Alpha", Have: 128000}, "a record needs 128.4k context; Alpha gives 128k"},
		{model.Reason{Kind: model.ReasonRecordOutput, Need: 64001, Model: "Alpha", Have: 64000}, "a record needs 64.001k output; Alpha gives 64k"},
		{model.Reason{Kind: model.ReasonOutput, Need: 9000}, "needs 9k output per turn; the plan's models give less"},
		{model.Reason{Kind: model.ReasonOutput, Need: 9000, Model: "Alpha", Have: 8000}, "needs 9k output per turn; Alpha gives 8k"},
		{model.Reason{Kind: model.ReasonVia, Via: model.ViaAPI},
			"a program's work (via api) runs only on the API: consumer plans allow programs only through the API"},
		{model.Reason{Kind: model.ReasonVia, Via: model.ViaAgent}, "agent work (a coding-agent CLI) is not included in this plan"},
		{model.Reason{Kind: model.ReasonVia, Via: model.ViaChat}, "chat work is not included in this plan"},
		// 0.12 → 12%; 0.004 is not "0%".
		{model.Reason{Kind: model.ReasonCaps, Class: "Agent sessions", Share: 0.12}, "Agent sessions: over the usage limits: 12% of tasks overflow"},
		{model.Reason{Kind: model.ReasonCaps, Share: 0.004}, "over the usage limits: under 1% of tasks overflow"},
		// 0.996 is not all of them: not "100%".
		{model.Reason{Kind: model.ReasonCaps, Share: 0.996}, "over the usage limits: over 99% of tasks overflow"},
		{model.Reason{Kind: model.ReasonCaps, Share: 1}, "over the usage limits: 100% of tasks overflow"},
		{model.Reason{Kind: model.ReasonCaps, Share: 0.5, NoRoute: true}, "over the usage limits: 50% of tasks overflow; no API model can take the overflow"},
		{model.Reason{Kind: model.ReasonNoModel}, "no model can take it"},
		{model.Reason{Kind: model.ReasonNoModelInScope, Class: "Short"}, "Short: no model in scope can take it"},
		{model.Reason{Kind: model.ReasonCarriesNone, Inner: model.ReasonVia, Via: model.ViaAgent},
			"carries none of this work: agent work (a coding-agent CLI) is not included in this plan"},
		{model.Reason{Kind: model.ReasonCarriesNone, Inner: model.ReasonRecordsTier},
			"carries none of this work: the records need a higher tier than the plan's models"},
		{model.Reason{Kind: model.ReasonCarriesNone, Inner: model.ReasonTier, Class: "Short", NeedTier: model.Mid, HaveTier: model.Small},
			"carries none of this work: Short: needs mid tier; the plan's best is small"},
		{model.Reason{Kind: model.ReasonCarriesNone, Inner: model.ReasonNoClasses}, "carries none of this work: the workload has no classes"},
		{model.Reason{Kind: model.ReasonOverage}, "over the included limits: billed at the plan's overage price"},
		{model.Reason{Kind: model.ReasonRecordsOverCaps}, "carries none of this work: every record is over the usage limits"},
		{model.Reason{Kind: model.ReasonOverflowNoRoute}, "an overflowing record fits no API model"},
		{model.Reason{Kind: model.ReasonRecordsOverflow, N: 3, Of: 10}, "3 of 10 records overflow"},
		{model.Reason{Kind: model.ReasonRecordsOverflow, N: 3, Of: 10, Misfit: 1}, "3 of 10 records overflow (1 do not fit the plan)"},
		{model.Reason{Kind: model.ReasonRecordsBeyond, N: 2, Of: 4}, "2 of 4 records beyond the included limits, billed at the plan's overage price"},
		// 1,762,000,000,000 ms is 2025-11-01T12:26:40Z.
		{model.Reason{Kind: model.ReasonRecordFitsNone, Time: 1762000000000, Need: 1.2e6}, "a record of 2025-11-01T12:26:40Z (1.2M tokens) fits no model in scope"},
		{model.Reason{Kind: model.ReasonRecordTier, Logged: "claude-opus-9", NeedTier: model.Frontier, Model: "Alpha", HaveTier: model.Small},
			"records of claude-opus-9 need frontier tier; Alpha is small"},
		{model.Reason{Kind: model.ReasonRecordContext, Need: 250000, Model: "Alpha", Have: 200000}, "a record needs 250k context; Alpha gives 200k"},
		{model.Reason{Kind: model.ReasonRecordOutput, Need: 70000, Model: "Alpha", Have: 64000}, "a record needs 70k output; Alpha gives 64k"},
		{model.Reason{Kind: model.ReasonRecordsMisfit}, "no plan model of their tier and size"},
		{model.Reason{Kind: model.ReasonRecordsCaps}, "over the usage limits"},
		{model.Reason{Kind: model.ReasonRecordsSize}, "no record fits the plan's context window or output limit"},
	})
}
