package tokencount

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text string
		lang       string
		script     Script
	}{
		{"empty", "", "", OtherScript},
		{"no letters", "123 456 !!! 😀 ---", "", OtherScript},
		{"english", "Hello, world. A budget is a plan.", "en", Latin},
		{"latin other language", "Größenordnung und Übersicht", "en", Latin},
		{"korean", "안녕하세요, 세계", "ko", Hangul},
		{"korean with english terms", "이번 분기 budget을 검토합니다", "ko", Hangul},
		{"korean with hanja", "大韓民國 헌법 제1조는 민주공화국을 규정한다", "ko", Hangul},
		{"japanese", "こんにちは世界", "ja", Kana},
		{"japanese katakana", "マーケティングキャンペーン", "ja", Kana},
		{"japanese heavy kanji", "予算計画の基本", "ja", Kana},
		{"chinese simplified", "你好，世界。预算是一份计划。", "zh", Han},
		{"chinese traditional", "預算是一份計劃，說明你打算如何使用資金。", "zh", Han},
		{"kanji only reads as chinese", "東京都庁", "zh", Han},
		{"english with a chinese name", "The supplier 华为 raised its prices last month", "en", Latin},
		{"chinese with an english term", "我们用 Excel 做预算规划和成本核算", "zh", Han},
		{"cyrillic", "Привет, мир", "", Cyrillic},
		{"greek", "Γειά σου κόσμε", "", Greek},
		{"arabic", "مرحبا بالعالم", "", Arabic},
		{"thai", "สวัสดีชาวโลก", "", Thai},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Detect(tt.text)
			if d.Lang != tt.lang || d.Script != tt.script {
				t.Errorf("Detect(%q) = %q (%v, %.2f), want %q (%v)", tt.text, d.Lang, d.Script, d.Share, tt.lang, tt.script)
			}
			// The streaming counter agrees with Detect.
			st, err := CountString(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := st.Detect(); got != d {
				t.Errorf("Stats.Detect = %+v, Detect = %+v", got, d)
			}
		})
	}
}

func TestDetectShare(t *testing.T) {
	// 10 Hangul syllables weigh 30 against 6 Latin letters.
	d := Detect("이번 분기 budget을 검토합니다")
	if want := 30.0 / 36; d.Share < want-1e-9 || d.Share > want+1e-9 {
		t.Errorf("share = %v, want %v", d.Share, want)
	}
	// Kana exactly at the threshold: 1 of 10 Han+Kana.
	if d := Detect("一二三四五六七八九の"); d.Lang != "ja" {
		t.Errorf("1 kana in 10: %q, want ja", d.Lang)
	}
	if d := Detect("一二三四五六七八九十一の"); d.Lang != "zh" {
		t.Errorf("1 kana in 12: %q, want zh", d.Lang)
	}
}

func TestDetectParallelSample(t *testing.T) {
	for _, lang := range Languages() {
		b, err := os.ReadFile(filepath.Join("testdata", "parallel", lang+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		if d := Detect(string(b)); d.Lang != lang || d.Share < 0.99 {
			t.Errorf("%s.txt detected as %+v", lang, d)
		}
	}
}
