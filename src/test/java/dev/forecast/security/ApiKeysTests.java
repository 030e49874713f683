package dev.forecast.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTests {

	@Test
	void plainAndHashedKeysWithScopes() {
		ApiKeys keys = ApiKeys
			.parse(" alpha=read, {sha256}5372915705805b76231808126c6338a64d9e8c4c1312239c284c810864493055=WRITE ");

		assertThat(keys.size()).isEqualTo(2);
		assertThat(keys.find("alpha").scope()).isEqualTo(Scope.READ);
		assertThat(keys.find("hashed-key-789").scope()).isEqualTo(Scope.WRITE);
		assertThat(keys.find("alph")).isNull();
		assertThat(keys.find("{sha256}5372915705805b76231808126c6338a64d9e8c4c1312239c284c810864493055")).isNull();
	}

	@Test
	void keysShorterThanSixteenCharactersAreWarnedAboutByPositionNotText() {
		ApiKeys keys = ApiKeys.parse("a=read, 0123456789abcdef=write, short-key=write, "
				+ "{sha256}5372915705805b76231808126c6338a64d9e8c4c1312239c284c810864493055=write");

		assertThat(keys.weakKeyWarning())
			.hasValueSatisfying((warning) -> assertThat(warning).contains("entries 1, 3", "shorter than 16 characters")
				.doesNotContain("short-key"));
		assertThat(ApiKeys.parse("0123456789abcdef=write").weakKeyWarning()).isEmpty();
	}

	@Test
	void aKeyMayContainEqualsSigns() {
		assertThat(ApiKeys.parse("abc==def=write").find("abc==def").scope()).isEqualTo(Scope.WRITE);
	}

	@Test
	void emptyConfigurationMeansOpen() {
		assertThat(ApiKeys.parse("").isEmpty()).isTrue();
		assertThat(ApiKeys.parse(null).isEmpty()).isTrue();
	}

	@Test
	void malformedEntriesNameThePositionButNotTheKey() {
		assertThatThrownBy(() -> ApiKeys.parse("good=read,secret-text")).hasMessageContaining("entry 2")
			.hasMessageNotContaining("secret-text");
		assertThatThrownBy(() -> ApiKeys.parse("secret-text=admin")).hasMessageContaining("unknown scope 'admin'")
			.hasMessageNotContaining("secret-text");
		assertThatThrownBy(() -> ApiKeys.parse("{sha256}abc=read")).hasMessageContaining("64 hex digits");
	}

	@Test
	void fingerprintIsTheSameForPlainAndHashedForms() {
		String hashed = "{sha256}" + java.util.HexFormat.of().formatHex(ApiKeys.sha256("k-1"));

		assertThat(ApiKeys.parse("k-1=read").find("k-1").fingerprint())
			.isEqualTo(ApiKeys.parse(hashed + "=read").find("k-1").fingerprint())
			.hasSize(12)
			.doesNotContain("k-1");
	}

}
