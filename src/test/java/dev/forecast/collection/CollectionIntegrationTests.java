package dev.forecast.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.forecast.support.IntegrationTest;
import dev.forecast.support.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionIntegrationTests extends IntegrationTest {

	/**
	 * Two monthly series (A: 36 points, B: 30) and a daily one (C: 10, its rows
	 * shuffled).
	 */
	static String longCsv() {
		StringBuilder csv = new StringBuilder("unique_id,ds,y\n");
		for (int i = 0; i < 36; i++) {
			csv.append(String.format(Locale.ROOT, "A,%d-%02d-01,%.1f%n", 2000 + i / 12, i % 12 + 1,
					100 + i + 10 * Math.sin(i * Math.PI / 6)));
		}
		for (int i = 0; i < 30; i++) {
			csv.append(String.format(Locale.ROOT, "B,%d-%02d-01,%.1f%n", 2010 + i / 12, i % 12 + 1,
					50 - 0.5 * i + (i % 3)));
		}
		for (int i : new int[] { 3, 1, 0, 2, 9, 8, 4, 5, 7, 6 }) {
			csv.append(String.format(Locale.ROOT, "C,2024-01-%02d,%d%n", i + 1, i * i % 7));
		}
		return csv.toString();
	}

	private long upload(String csv) {
		Response created = http().postCsv("/collections?name=shops", csv);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	private Map<String, Integer> memberSeries(long collection) {
		Response detail = http().get("/collections/" + collection + "?size=500");
		List<String> ids = detail.json("$.members[*].id");
		List<Integer> series = detail.json("$.members[*].series");
		Map<String, Integer> out = new java.util.LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			out.put(ids.get(i), series.get(i));
		}
		return out;
	}

	@Test
	void longCsvMakesOneOrdinarySeriesPerId() {
		Response created = http().postCsv("/collections?name=shops", longCsv());

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/collections/" + created.id());
		assertThat((Integer) created.json("$.members")).isEqualTo(3);
		assertThat((Integer) created.json("$.upload.rows")).isEqualTo(76);
		assertThat((Integer) created.json("$.upload.created")).isEqualTo(3);
		Response detail = http().get("/collections/" + created.id());
		assertThat((List<String>) detail.json("$.members[*].id")).containsExactly("A", "B", "C");
		assertThat((List<Integer>) detail.json("$.members[*].length")).containsExactly(36, 30, 10);
		assertThat((List<String>) detail.json("$.members[*].frequency")).containsExactly("MONTHLY", "MONTHLY", "DAILY");
		assertThat((List<Integer>) detail.json("$.members[*].gaps")).containsExactly(0, 0, 0);
		int c = memberSeries(created.id()).get("C");
		Response points = http().get("/series/" + c + "/points?limit=3");
		assertThat((List<String>) points.json("$.points[*].t")).containsExactly("2024-01-01", "2024-01-02",
				"2024-01-03");
		assertThat((String) http().get("/series/" + c).json("$.name")).isEqualTo("C");
		Response page = http().get("/collections/" + created.id() + "?page=1&size=2");
		assertThat((List<String>) page.json("$.members[*].id")).containsExactly("C");
		assertThat((Integer) page.json("$.total")).isEqualTo(3);
		Response list = http().get("/collections?size=500");
		assertThat((List<Integer>) list.json("$.items[*].id")).contains((int) created.id());
	}

	@Test
	void otherHeadersAndNamedColumns() {
		Response idDateValue = http().postCsv("/collections", "id;date;value\nx;2024-01-01;1,5\nx;2024-01-02;2,5\n");
		assertThat(idDateValue.status()).as(idDateValue.toString()).isEqualTo(201);
		Response named = http().postCsv("/collections?idColumn=store&timeColumn=day&valueColumn=sales",
				"sales,store,day,other\n1,s1,2024-01-01,9\n2,s1,2024-01-02,9\n3,s2,2024-01-01,9\n");
		assertThat(named.status()).as(named.toString()).isEqualTo(201);
		assertThat((List<Integer>) http().get("/collections/" + named.id()).json("$.members[*].length"))
			.containsExactly(2, 1);
		Response json = http().postJson("/collections",
				"""
						{"name": "j", "series": [{"name": "A", "start": "2024-01-01", "frequency": "DAILY", "values": [1, 2, 3]},
						  {"name": "B", "points": [{"t": "2024-01-01", "v": 5}, {"t": "2024-01-02", "v": 6}]}]}""");
		assertThat(json.status()).as(json.toString()).isEqualTo(201);
		assertThat((String) json.json("$.name")).isEqualTo("j");
		assertThat((List<Integer>) http().get("/collections/" + json.id()).json("$.members[*].length"))
			.containsExactly(3, 2);
	}

	@Test
	void aBadLineNamesTheLineAndTheIdAndStoresNothing() {
		long collections = ((Number) http().get("/collections").json("$.total")).longValue();
		long series = ((Number) http().get("/series").json("$.total")).longValue();

		Response bad = http().postCsv("/collections",
				"unique_id,ds,y\nA,2024-01-01,1\nB,2024-01-01,2\nB,2024-01-02,x\n");
		assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
		assertThat((String) bad.json("$.detail")).contains("Line 4").contains("id 'B'").contains("'x' is not a number");
		Response repeated = http().postCsv("/collections",
				"unique_id,ds,y\nA,2024-01-02,1\nA,2024-01-01,2\nA,2024-01-02,3\n");
		assertThat(repeated.status()).as(repeated.toString()).isEqualTo(400);
		assertThat((String) repeated.json("$.detail")).contains("Line 4").contains("id 'A'").contains("line 2");
		Response json = http().postJson("/collections", """
				{"series": [{"name": "A", "points": [{"t": "2024-01-01", "v": 5}]}, {"name": "B", "points": []}]}""");
		assertThat(json.status()).as(json.toString()).isEqualTo(400);
		assertThat((String) json.json("$.detail")).contains("Id 'B'");

		assertThat(((Number) http().get("/collections").json("$.total")).longValue()).isEqualTo(collections);
		assertThat(((Number) http().get("/series").json("$.total")).longValue()).isEqualTo(series);
	}

	@Test
	void appendExtendsMembersAndAddsNewIdsInOneTransaction() {
		long id = upload("unique_id,ds,y\nA,2024-01-01,1\nA,2024-01-02,2\nB,2024-01-01,5\n");

		Response appended = http().postCsv("/collections/" + id + "/points",
				"unique_id,ds,y\nA,2024-01-03,3\nC,2024-01-01,7\nC,2024-01-02,8\n");
		assertThat(appended.status()).as(appended.toString()).isEqualTo(200);
		assertThat((Integer) appended.json("$.upload.appended")).isEqualTo(1);
		assertThat((Integer) appended.json("$.upload.created")).isEqualTo(1);
		assertThat((List<Integer>) http().get("/collections/" + id).json("$.members[*].length")).containsExactly(3, 1,
				2);

		Response overlap = http().postCsv("/collections/" + id + "/points",
				"unique_id,ds,y\nD,2024-01-01,1\nB,2024-01-01,6\n");
		assertThat(overlap.status()).as(overlap.toString()).isEqualTo(409);
		assertThat((String) overlap.json("$.detail")).startsWith("Id 'B': ");
		assertThat((List<String>) http().get("/collections/" + id).json("$.members[*].id")).containsExactly("A", "B",
				"C");
		assertThat(http().postCsv("/collections/999999999/points", "unique_id,ds,y\nA,2024-01-05,1\n").status())
			.isEqualTo(404);
	}

	@Test
	void deleteTakesTheMembersAlong() {
		long id = upload(longCsv());
		Map<String, Integer> members = memberSeries(id);

		assertThat(http().delete("/collections/" + id).status()).isEqualTo(204);
		assertThat(http().get("/collections/" + id).status()).isEqualTo(404);
		for (int series : members.values()) {
			assertThat(http().get("/series/" + series).status()).isEqualTo(404);
		}
		assertThat(http().delete("/collections/" + id).status()).isEqualTo(404);
	}

	@Test
	void deletingAMemberSeriesLeavesTheCollection() {
		long id = upload(longCsv());
		int a = memberSeries(id).get("A");

		assertThat(http().delete("/series/" + a).status()).isEqualTo(204);
		assertThat((List<String>) http().get("/collections/" + id).json("$.members[*].id")).containsExactly("B", "C");
	}

	@Test
	void collectionForecastHasTheNumbersOfSingleForecasts() {
		long id = upload(longCsv());
		Map<String, Integer> members = memberSeries(id);

		Response csv = http().get("/collections/" + id + "/forecast?method=theta&horizon=4", "text/csv");
		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		String[] lines = csv.body().split("\n");
		assertThat(lines[0]).isEqualTo("id,t,v,lo80,hi80,lo95,hi95");
		assertThat(lines).hasSize(1 + 3 * 4);
		Response json = http().get("/collections/" + id + "/forecast?method=theta&horizon=4");
		assertThat(json.status()).as(json.toString()).isEqualTo(200);
		assertThat((List<String>) json.json("$.forecasts[*].id")).containsExactly("A", "B", "C");
		List<String> expected = new ArrayList<>();
		expected.add(lines[0]);
		for (Map.Entry<String, Integer> member : members.entrySet()) {
			// other levels: a fit of its own, not the one the collection's forecast
			// cached
			Response single = http()
				.get("/forecast?series=" + member.getValue() + "&method=theta&horizon=4&level=50,80,95");
			assertThat(single.status()).as(single.toString()).isEqualTo(200);
			assertThat((List<Double>) json.json("$.forecasts[?(@.id == '" + member.getKey() + "')].points[*].v"))
				.isEqualTo(single.json("$.points[*].v"));
			List<String> times = single.json("$.points[*].t");
			List<Double> v = single.json("$.points[*].v");
			for (int k = 0; k < 4; k++) {
				List<Double> i80 = single.json("$.points[" + k + "].intervals.80");
				List<Double> i95 = single.json("$.points[" + k + "].intervals.95");
				expected.add(member.getKey() + "," + times.get(k) + "," + v.get(k) + "," + i80.get(0) + "," + i80.get(1)
						+ "," + i95.get(0) + "," + i95.get(1));
			}
		}
		assertThat(lines).containsExactlyElementsOf(expected);
	}

	@Test
	void aMemberThatCannotBeForecastIsNamedAndParametersAreChecked() {
		long id = upload("unique_id,ds,y\nA,2024-01-01,1\nA,2024-01-02,2\nA,2024-01-03,3\nB,2024-01-01,5\n");

		Response json = http().get("/collections/" + id + "/forecast?method=naive&horizon=2");
		assertThat(json.status()).as(json.toString()).isEqualTo(200);
		assertThat((String) json.json("$.forecasts[1].error")).contains("at least 2");
		assertThat((List<Double>) json.json("$.forecasts[0].points[*].v")).containsExactly(3.0, 3.0);
		Response csv = http().get("/collections/" + id + "/forecast?method=naive&horizon=2&format=csv");
		assertThat(csv.body().split("\n")).hasSize(3);
		assertThat(http().get("/collections/" + id + "/forecast?method=nope").status()).isEqualTo(400);
		assertThat(http().get("/collections/" + id + "/forecast?horizon=0").status()).isEqualTo(400);
		assertThat(http().get("/collections/999999999/forecast").status()).isEqualTo(404);
	}

	@Test
	void evaluationAggregatesTheBacktestsOfEveryMember() {
		long id = upload(longCsv());
		Map<String, Integer> members = memberSeries(id);

		Response evaluation = http().get("/collections/" + id + "/evaluation?holdout=4&horizon=2&methods=naive,theta");
		assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);
		assertThat((Integer) evaluation.json("$.evaluated")).isEqualTo(3);
		assertThat((List<String>) evaluation.json("$.methods[*].method")).containsExactly("naive", "theta");
		List<Double> naiveMae = new ArrayList<>();
		List<String> bests = new ArrayList<>();
		for (int series : members.values()) {
			Response single = http().get("/evaluation?series=" + series + "&holdout=4&horizon=2&methods=naive,theta");
			naiveMae.add(((Number) single.json("$.results[0].mae")).doubleValue());
			bests.add(single.json("$.best"));
		}
		double mean = naiveMae.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		double median = naiveMae.stream().sorted().toList().get(1);
		assertThat(((Number) evaluation.json("$.methods[0].mae.mean")).doubleValue()).isCloseTo(mean,
				org.assertj.core.api.Assertions.within(1e-9));
		assertThat(((Number) evaluation.json("$.methods[0].mae.median")).doubleValue()).isEqualTo(median);
		assertThat((List<String>) evaluation.json("$.members[*].best")).containsExactlyElementsOf(bests);
		assertThat((String) evaluation.json("$.best")).isIn("naive", "theta");
		assertThat((Integer) evaluation.json("$.methods[1].smape.members")).isEqualTo(3);
	}

}
