import parsePrometheusTextFormat, { type MetricFamily } from 'parse-prometheus-text-format';

/** A /metrics answer read by a Prometheus text-format parser, with what the tests ask of it. */
export interface Scrape {
  families: Map<string, MetricFamily>;
  text: string;
  /**
   * A counter's or gauge's value summed over the series whose labels include `labels` (0 when
   * none), or a histogram's count summed the same way (the parser may drop a histogram's labels,
   * so histograms are asked without them).
   */
  value(name: string, labels?: Record<string, string>): number;
}

/** The +Inf bucket is the count: the parser (1.1) keeps only the buckets of a labelled histogram. */
function histogramCount(sample: MetricFamily['metrics'][number]): string | undefined {
  return sample.count ?? sample.buckets?.['+Inf'];
}

export function parseScrape(text: string): Scrape {
  const families = new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));
  return {
    families,
    text,
    value(name, labels = {}) {
      const family = families.get(name);
      if (!family) return 0;
      return family.metrics
        .filter((sample) => Object.entries(labels).every(([k, v]) => sample.labels?.[k] === v))
        .reduce(
          (sum, sample) => sum + Number(family.type === 'HISTOGRAM' ? histogramCount(sample) : sample.value),
          0,
        );
    },
  };
}

/** GETs a /metrics endpoint with a bearer token and parses it (throws on a non-200). */
export async function scrapeMetrics(url: string, token: string): Promise<Scrape> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${text}`);
  return parseScrape(text);
}
