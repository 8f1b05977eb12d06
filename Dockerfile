FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY schema ./schema
COPY server ./server
COPY seeds ./seeds
COPY data ./data
RUN pip install --no-cache-dir -e .
ENV MEDGRAPH_HOST=0.0.0.0 MEDGRAPH_PORT=8000
EXPOSE 8000
CMD ["medgraph", "serve"]
