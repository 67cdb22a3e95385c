package usage

import "github.com/tokenomics/tokenomics/model"

// Spend is one request's API-equivalent cost at the moment it was made.
type Spend struct {
	Time   int64   // Unix milliseconds
	USD    float64 // at the catalog's API prices; 0 when not Priced
	Priced bool    // the model is in the catalog
}

// Spends prices every request on the catalog (model.RequestCost, as
// Summarize does), in time order: what the requests of any span of time
// cost, for measuring a plan's limits against the windows they fall in.
func (l *Log) Spends(cat *model.Catalog) []Spend {
	apis := make([]*model.APIModel, len(l.models))
	for i, name := range l.models {
		if id := MatchModel(name, cat).ID; id != "" {
			apis[i], _ = cat.Model(id)
		}
	}
	out := make([]Spend, len(l.recs))
	for i := range l.recs {
		r := &l.recs[i]
		out[i].Time = r.ts
		if m := apis[r.model]; m != nil {
			out[i].USD, _ = model.RequestCost(m, usageOf(r))
			out[i].Priced = true
		}
	}
	return out
}

// Request is one de-duplicated request of a log: when it was made, the
// model name the log gives, and what it consumed.
type Request struct {
	Time  int64  // Unix milliseconds
	Model string // as the log writes it; "" when it names none
	Usage model.Usage
}

// Empty reports whether the log holds no usage record (in the days kept):
// nothing to derive, replay or measure.
func (l *Log) Empty() bool { return len(l.recs) == 0 }

// Requests are the log's de-duplicated requests in time order (ties in the
// order Load gives them), for replaying them against a plan's windows.
func (l *Log) Requests() []Request {
	out := make([]Request, len(l.recs))
	for i := range l.recs {
		r := &l.recs[i]
		out[i] = Request{Time: r.ts, Model: l.models[r.model], Usage: usageOf(r)}
	}
	return out
}
