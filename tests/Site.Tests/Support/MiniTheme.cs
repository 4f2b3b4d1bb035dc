namespace Site.Tests.Support;

/// <summary>The smallest theme a site can build with: a base layout and the two page layouts.</summary>
internal static class MiniTheme
{
    public const string Files = """
-- theme/layouts/_base.sbn --
<!DOCTYPE html><html lang="en"><head><title>{{ page.title | html.escape }}</title></head><body><main>{{ content }}</main></body></html>
-- theme/layouts/page.sbn --
<h1>{{ page.title | html.escape }}</h1><div data-prose>{{ page.body }}</div>
-- theme/layouts/article.sbn --
<h1>{{ page.title | html.escape }}</h1><div data-prose>{{ page.body }}</div><ol>{{ for s in page.sources }}<li id="ref-{{ s.id }}">{{ s.citation | html.escape }}</li>{{ end }}</ol>
-- input/site.yml --
title: Test site
description: A site for tests.
base_url: https://example.org
language: en
repository:
  url: https://example.org/repo
sections:
  - id: basics
    title: Basics
-- input/references.yml --
- id: smith-2020
  citation: Smith A. A study. J Test. 2020.
  doi: 10.1000/test.1
- id: jones-2021
  citation: Jones B. Another study. J Test. 2021.

""";
}
