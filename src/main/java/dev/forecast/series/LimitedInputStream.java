package dev.forecast.series;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most {@code limit} bytes and fails with a 413 problem beyond that. */
final class LimitedInputStream extends FilterInputStream {

	private final long limit;

	private long count;

	LimitedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	private void count(long n) {
		this.count += n;
		if (this.count > this.limit) {
			throw UploadLimitInterceptor.tooLarge(this.limit);
		}
	}

}
