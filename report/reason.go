package report

import (
	"fmt"
	"time"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
)

// ReasonText words why an option or a class does not fit: "Long documents:
// needs 33k context; the plan gives 32k"; "" when r says nothing.
func ReasonText(r model.Reason) string {
	if !r.Given() {
		return ""
	}
	if r.Kind == model.ReasonCarriesNone {
		// The class a reason names comes after: "carries none of this
		// work: Short: needs mid tier".
		inner := r
		inner.Kind, inner.Inner = r.Inner, model.ReasonNone
		return "carries none of this work: " + ReasonText(inner)
	}
	s := reasonBody(r.Kind, r)
	if r.NoRoute {
		s += "; no API model can take the overflow"
	}
	if r.Class != "" {
		s = r.Class + ": " + s
	}
	return s
}

func reasonBody(k model.ReasonKind, r model.Reason) string {
	tokens := money.Tokens
	need, have := money.TokensApart(r.Need, r.Have)
	switch k {
	case model.ReasonNoModels:
		return "the plan lists no model in the catalog"
	case model.ReasonTier:
		if r.Model == "" {
			return fmt.Sprintf("needs %s tier; the plan's best is %s", r.NeedTier, r.HaveTier)
		}
		return fmt.Sprintf("needs %s tier; %s is %s", r.NeedTier, r.Model, r.HaveTier)
	case model.ReasonContext:
		if r.Model == "" {
			return fmt.Sprintf("needs %s context; the plan gives %s", need, have)
		}
		return fmt.Sprintf("needs %s context; %s gives %s", need, r.Model, have)
	case model.ReasonOutput:
		if r.Model == "" {
			return fmt.Sprintf("needs %s output per turn; the plan's models give less", tokens(r.Need))
		}
		return fmt.Sprintf("needs %s output per turn; %s gives %s", need, r.Model, have)
	case model.ReasonVia:
		switch r.Via {
		case model.ViaAPI:
			return "a program's work (via api) runs only on the API: consumer plans allow programs only through the API"
		case model.ViaAgent:
			return "agent work (a coding-agent CLI) is not included in this plan"
		}
		return "chat work is not included in this plan"
	case model.ReasonCaps:
		return "over the usage limits: " + share(r.Share) + " of tasks overflow"
	case model.ReasonNoModel:
		return "no model can take it"
	case model.ReasonNoModelInScope:
		return "no model in scope can take it"
	case model.ReasonOverage:
		return "over the included limits: billed at the plan's overage price"
	case model.ReasonNoClasses:
		return "the workload has no classes"
	case model.ReasonRecordsOverCaps:
		return "carries none of this work: every record is over the usage limits"
	case model.ReasonOverflowNoRoute:
		return "an overflowing record fits no API model"
	case model.ReasonRecordsOverflow:
		if r.Misfit > 0 {
			return fmt.Sprintf("%d of %d records overflow (%d do not fit the plan)", r.N, r.Of, r.Misfit)
		}
		return fmt.Sprintf("%d of %d records overflow", r.N, r.Of)
	case model.ReasonRecordsBeyond:
		return fmt.Sprintf("%d of %d records beyond the included limits, billed at the plan's overage price", r.N, r.Of)
	case model.ReasonRecordFitsNone:
		return fmt.Sprintf("a record of %s (%s tokens) fits no model in scope", time.UnixMilli(r.Time).UTC().Format(time.RFC3339), tokens(r.Need))
	case model.ReasonRecordTier:
		return fmt.Sprintf("records of %s need %s tier; %s is %s", r.Logged, r.NeedTier, r.Model, r.HaveTier)
	case model.ReasonRecordContext:
		return fmt.Sprintf("a record needs %s context; %s gives %s", need, r.Model, have)
	case model.ReasonRecordOutput:
		return fmt.Sprintf("a record needs %s output; %s gives %s", need, r.Model, have)
	case model.ReasonRecordsMisfit:
		return "no plan model of their tier and size"
	case model.ReasonRecordsCaps:
		return "over the usage limits"
	case model.ReasonRecordsTier:
		return "the records need a higher tier than the plan's models"
	case model.ReasonRecordsSize:
		return "no record fits the plan's context window or output limit"
	}
	return fmt.Sprintf("reason of unknown kind %d", k)
}

// share writes a fraction of tasks as a percentage, never "0%" for some
// nor "100%" for not all of them.
func share(f float64) string {
	switch {
	case f > 0 && f < 0.005:
		return "under 1%"
	case f > 0.99 && f < 1:
		return "over 99%"
	}
	return fmt.Sprintf("%.0f%%", 100*f)
}
